using System.Runtime.InteropServices;

namespace Pipeline.Reports.Pdf;

/// <summary>
/// Cuts a TrueType font down to the code points one document uses, with HarfBuzz's hb_subset
/// (in libHarfBuzzSharp, shipped by HarfBuzzSharp.NativeAssets). Skia's PDF backend as built for
/// SkiaSharp 3.119 embeds the whole font (4.5 MB for a one-line page with the CJK font), so the
/// writer subsets first and hands Skia a font that is already small.
/// </summary>
public static class FontSubsetter
{
    private const string Lib = "libHarfBuzzSharp";

    /// <summary>Returns a TrueType font holding only <paramref name="codepoints"/> (plus .notdef); advances are unchanged.</summary>
    public static byte[] Subset(byte[] font, IEnumerable<int> codepoints)
    {
        var pin = GCHandle.Alloc(font, GCHandleType.Pinned);
        try
        {
            var blob = hb_blob_create(pin.AddrOfPinnedObject(), (uint)font.Length, MemoryModeReadOnly, 0, 0);
            var face = hb_face_create(blob, 0);
            var input = hb_subset_input_create_or_fail();
            nint subsetFace = 0, subsetBlob = 0;
            try
            {
                if (input == 0) throw new InvalidOperationException("hb_subset_input_create_or_fail failed");
                var unicodes = hb_subset_input_unicode_set(input);
                foreach (var cp in codepoints) hb_set_add(unicodes, (uint)cp);

                // The writer never shapes (glyphs map 1:1 from cmap), so layout tables and the
                // glyphs only reachable through them (vertical forms, locale variants) are dead weight.
                hb_set_clear(hb_subset_input_set(input, SetsLayoutFeatureTag));
                var drop = hb_subset_input_set(input, SetsDropTableTag);
                foreach (var tag in new[] { "GSUB", "GPOS", "GDEF", "vhea", "vmtx", "STAT" }) hb_set_add(drop, Tag(tag));

                subsetFace = hb_subset_or_fail(face, input);
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
                hb_face_destroy(face);
                hb_blob_destroy(blob);
            }
        }
        finally
        {
            pin.Free();
        }
    }

    /// <summary>The code points of <paramref name="texts"/>, each once.</summary>
    public static HashSet<int> CodepointsOf(IEnumerable<string> texts)
    {
        var set = new HashSet<int>();
        foreach (var text in texts)
            foreach (var rune in text.EnumerateRunes())
                set.Add(rune.Value);
        return set;
    }

    private static uint Tag(string s) => (uint)(s[0] << 24 | s[1] << 16 | s[2] << 8 | s[3]);

    private const int MemoryModeReadOnly = 1;   // HB_MEMORY_MODE_READONLY: the font array outlives the blob
    private const int SetsDropTableTag = 3;     // HB_SUBSET_SETS_DROP_TABLE_TAG
    private const int SetsLayoutFeatureTag = 6; // HB_SUBSET_SETS_LAYOUT_FEATURE_TAG

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
    [DllImport(Lib)] private static extern nint hb_subset_or_fail(nint face, nint input);
    [DllImport(Lib)] private static extern void hb_set_add(nint set, uint codepoint);
    [DllImport(Lib)] private static extern void hb_set_clear(nint set);
}
