using Pipeline.Recognition;

namespace Pipeline.Tests.Recognition;

/// <summary>
/// The window features of a Chinese character are hashed four at a time; the shipped model was trained on the one-at-a-
/// time definition, so every index must be the one <see cref="FeatureTemplates"/> gives, or the model reads wrong rows.
/// </summary>
public class CharWindowHashesTests
{
    [TestCase(20)]
    [TestCase(18)]
    public void Every_window_feature_is_the_templates_own_index(int bits)
    {
        var templates = new FeatureTemplates(bits, family: 0);
        var window = new CharWindowHashes(templates);
        var random = new Random(7);
        Span<int> got = stackalloc int[CharWindowHashes.Count];
        for (var trial = 0; trial < 2000; trial++)
        {
            // Characters as ChineseFeatures holds them (the code point + 16; 1 and 2 for a line's edges), and kinds.
            uint Char() => random.Next(4) == 0 ? (uint)random.Next(1, 3) : (uint)random.Next(16, 0x10000 + 16);
            var (cm2, cm1, c0, cp1, cp2) = (Char(), Char(), Char(), Char(), Char());
            var (km1, k0, kp1) = ((uint)random.Next(11), (uint)random.Next(1, 11), (uint)random.Next(11));
            var kinds = km1 | k0 << 4 | kp1 << 8;
            var leftKinds = km1 | k0 << 4;
            window.Write(cm2, cm1, c0, cp1, cp2, kinds, leftKinds, got);
            int[] expected =
            [
                templates.Index(0, c0), templates.Index(1, cm1), templates.Index(2, cp1), templates.Index(3, cm2),
                templates.Index(4, cp2), templates.Index(5, cm1, c0), templates.Index(6, c0, cp1),
                templates.Index(7, cm2, cm1), templates.Index(8, cp1, cp2), templates.Index(9, cm1, cp1),
                templates.Index(10, cm1, c0, cp1), templates.Index(11, cm2, cm1, c0), templates.Index(12, c0, cp1, cp2),
                templates.Index(13, kinds), templates.Index(14, leftKinds, c0),
            ];
            Assert.That(got.ToArray(), Is.EqualTo(expected), $"trial {trial}");
        }
    }
}
