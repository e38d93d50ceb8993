using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Pipeline.Fonts;

namespace Pipeline.Reports.Pdf;

/// <summary>
/// Cuts a TrueType font down to the code points one document uses, with HarfBuzz's hb_subset
/// (in libHarfBuzzSharp, shipped by HarfBuzzSharp.NativeAssets). Skia's PDF backend as built for
/// SkiaSharp 3.119 embeds the whole font (4.5 MB for a one-line page with the CJK font), so the
/// writer subsets first and hands Skia a font that is already small.
/// Each shipped face is one HarfBuzz face for the process, which loads the tables it needs the first time it is
/// subset and keeps them: a document then pays only for the glyphs it keeps, not for reading a 7.5 MB font.
/// (hb_subset_preprocess, which HarfBuzz offers for many subsets of one font, copies the whole font: 105 ms for the CJK
/// face, and two fifths of the memory first touched by a run of one article; it then saved under 0.5 ms a subset:
/// 4.5 against 4.9 ms for the 2,833 distinct characters of 200 People's Daily articles, 0.3 ms for one article.)
/// </summary>
public static class FontSubsetter
{
    private const string Lib = "libHarfBuzzSharp";

    private static readonly ConcurrentDictionary<(FontFace, bool, bool), Lazy<PreparedFace>> Prepared = new();

    /// <summary>
    /// The face cut down to <paramref name="codepoints"/> (plus .notdef); advances are unchanged. With
    /// <paramref name="placeholder"/>, the same subset of the face's <see cref="PlaceholderFont"/>: same glyph ids,
    /// same advances, trivial outlines.
    /// </summary>
    public static byte[] Subset(FontFace face, bool bold, IEnumerable<int> codepoints, bool placeholder = false) =>
        Face(face, bold, placeholder).Subset(codepoints);

    /// <summary>Opens the face now rather than for the first document that uses it.</summary>
    public static void Prepare(FontFace face, bool bold, bool placeholder) => Face(face, bold, placeholder);

    private static PreparedFace Face(FontFace face, bool bold, bool placeholder) =>
        Prepared.GetOrAdd((face, bold, placeholder), key => new Lazy<PreparedFace>(() =>
            {
                var font = ReportFonts.File(key.Item1, key.Item2);
                // Arabic is shaped with the full font's glyph ids: its layout tables and ids must stay.
                var keepLayout = key.Item1 == FontFace.Arabic;
                return key.Item3 ? PreparedFace.Owning(PlaceholderFont.MakeNative(font.Span), keepLayout) : new PreparedFace(font, keepLayout);
            }))
            .Value;

    /// <summary>The code points of <paramref name="texts"/>, each once.</summary>
    public static HashSet<int> CodepointsOf(IEnumerable<string> texts)
    {
        var set = new HashSet<int>();
        foreach (var text in texts)
            foreach (var rune in text.EnumerateRunes())
                set.Add(rune.Value);
        return set;
    }

    /// <summary>A font opened once; a HarfBuzz face is safe to subset from any thread (each table loads once, atomically).</summary>
    private sealed class PreparedFace : IDisposable
    {
        private readonly nint _ownMemory, _blob, _face;
        private readonly bool _keepLayout;

        /// <summary>A shipped face, read where it lies.</summary>
        public PreparedFace(FontFile font, bool keepLayout) : this(font.Address, font.Length, owned: false, keepLayout)
        {
        }

        /// <summary>A font of ours (a placeholder) in native memory, freed with the face: the face refers to the bytes
        /// for as long as it lives, and the GC must not move them.</summary>
        public static PreparedFace Owning((nint Address, int Length) font, bool keepLayout) =>
            new(font.Address, font.Length, owned: true, keepLayout);

        private PreparedFace(nint memory, int length, bool owned, bool keepLayout)
        {
            _keepLayout = keepLayout;
            _ownMemory = owned ? memory : 0;
            _blob = hb_blob_create(memory, (uint)length, MemoryModeReadOnly, 0, 0);
            _face = hb_face_create(_blob, 0);
        }

        public byte[] Subset(IEnumerable<int> codepoints)
        {
            var input = hb_subset_input_create_or_fail();
            nint subsetFace = 0, subsetBlob = 0;
            try
            {
                if (input == 0) throw new InvalidOperationException("hb_subset_input_create_or_fail failed");
                var unicodes = hb_subset_input_unicode_set(input);
                foreach (var cp in codepoints) hb_set_add(unicodes, (uint)cp);

                // Shaped glyphs are looked up by id in the subset: ids must stay as in the full font.
                if (_keepLayout) hb_subset_input_set_flags(input, FlagsRetainGids);
                else
                {
                    // Latin and CJK are drawn unshaped (glyphs map 1:1 from cmap), so layout tables and the glyphs
                    // only reachable through them (vertical forms, locale variants) are dead weight.
                    hb_set_clear(hb_subset_input_set(input, SetsLayoutFeatureTag));
                    var drop = hb_subset_input_set(input, SetsDropTableTag);
                    foreach (var tag in new[] { "GSUB", "GPOS", "GDEF", "vhea", "vmtx", "STAT" }) hb_set_add(drop, Tag(tag));
                }

                subsetFace = hb_subset_or_fail(_face, input);
                if (subsetFace == 0) throw new InvalidOperationException("hb_subset_or_fail failed");
                subsetBlob = hb_face_reference_blob(subsetFace);
                var bytes = hb_blob_get_data(subsetBlob, out var length);
                var result = new byte[length];
                Marshal.Copy(bytes, result, 0, (int)length);
                return result;
            }
            finally
            {
                if (subsetBlob != 0) hb_blob_destroy(subsetBlob);
                if (subsetFace != 0) hb_face_destroy(subsetFace);
                if (input != 0) hb_subset_input_destroy(input);
            }
        }

        public void Dispose()
        {
            hb_face_destroy(_face);
            hb_blob_destroy(_blob);
            if (_ownMemory != 0) PlaceholderFont.FreeNative(_ownMemory);
        }
    }

    private static uint Tag(string s) => (uint)(s[0] << 24 | s[1] << 16 | s[2] << 8 | s[3]);

    private const int MemoryModeReadOnly = 1;   // HB_MEMORY_MODE_READONLY: the font memory outlives the blob
    private const int SetsDropTableTag = 3;     // HB_SUBSET_SETS_DROP_TABLE_TAG
    private const int SetsLayoutFeatureTag = 6; // HB_SUBSET_SETS_LAYOUT_FEATURE_TAG
    private const uint FlagsRetainGids = 2;     // HB_SUBSET_FLAGS_RETAIN_GIDS

    [DllImport(Lib)] private static extern nint hb_blob_create(nint data, uint length, int mode, nint userData, nint destroy);
    [DllImport(Lib)] private static extern void hb_blob_destroy(nint blob);
    [DllImport(Lib)] private static extern nint hb_blob_get_data(nint blob, out uint length);
    [DllImport(Lib)] private static extern nint hb_face_create(nint blob, uint index);
    [DllImport(Lib)] private static extern void hb_face_destroy(nint face);
    [DllImport(Lib)] private static extern nint hb_face_reference_blob(nint face);
    [DllImport(Lib)] private static extern nint hb_subset_input_create_or_fail();
    [DllImport(Lib)] private static extern void hb_subset_input_destroy(nint input);
    [DllImport(Lib)] private static extern nint hb_subset_input_unicode_set(nint input);
    [DllImport(Lib)] private static extern nint hb_subset_input_set(nint input, int setType);
    [DllImport(Lib)] private static extern void hb_subset_input_set_flags(nint input, uint flags);
    [DllImport(Lib)] private static extern nint hb_subset_or_fail(nint face, nint input);
    [DllImport(Lib)] private static extern void hb_set_add(nint set, uint codepoint);
    [DllImport(Lib)] private static extern void hb_set_clear(nint set);
}
