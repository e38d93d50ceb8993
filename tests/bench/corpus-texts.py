#!/usr/bin/env python3
"""Writes the texts of an annotated corpus (one {"doc","text",...} JSON object a line, .jsonl or
.jsonl.gz) to a folder, for whole-process benchmarks on real news (`pipeline bench FOLDER`).

  corpus-texts.py CORPUS OUT                 one .txt per document
  corpus-texts.py CORPUS OUT --copies 4      every document 4 times (doc.txt, doc.2.txt, ...): bigger batches
  corpus-texts.py CORPUS OUT --sizes 1,2,4   one file per size in MB (size-1mb.txt ...): the documents
                                             joined by blank lines, cycled until the size is reached

The corpora of ../shared/data must never be committed: write to a temporary folder.
"""
import argparse, gzip, json, os, sys


def documents(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                yield d["doc"], d["text"]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("corpus")
    p.add_argument("out")
    p.add_argument("--copies", type=int, default=1)
    p.add_argument("--limit", type=int, default=0, help="only the first N documents")
    p.add_argument("--sizes", help="comma-separated sizes in MB: one concatenated document each")
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    docs = list(documents(a.corpus))
    if a.limit:
        docs = docs[: a.limit]
    if a.sizes:
        for mb in (float(s) for s in a.sizes.split(",")):
            target, parts, size, i = int(mb * 1_000_000), [], 0, 0
            while size < target:
                chunk = (docs[i % len(docs)][1].strip() + "\n\n").encode("utf-8")
                parts.append(chunk[: target - size] if size + len(chunk) > target else chunk)
                size += len(parts[-1])
                i += 1
            # a cut inside a multi-byte character would make the file undecodable
            data = b"".join(parts).decode("utf-8", errors="ignore").encode("utf-8")
            name = f"size-{mb:g}mb.txt"
            with open(os.path.join(a.out, name), "wb") as f:
                f.write(data)
            print(f"{name}: {len(data):,} bytes", file=sys.stderr)
        return
    total = 0
    for copy in range(a.copies):
        for doc, text in docs:
            stem = doc[:-4] if doc.endswith(".txt") else doc
            name = f"{stem}.txt" if copy == 0 else f"{stem}.{copy + 1}.txt"
            data = text.encode("utf-8")
            with open(os.path.join(a.out, name), "wb") as f:
                f.write(data)
            total += len(data)
    print(f"{len(docs) * a.copies} files, {total:,} bytes in {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
