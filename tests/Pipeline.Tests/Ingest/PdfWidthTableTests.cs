using System.Text;
using NUnit.Framework;
using Pipeline.Ingest;
using Pipeline.Stages;
using Pipeline.Tests.Hostile;

namespace Pipeline.Tests.Ingest;

/// <summary>
/// A CID font's width table with an absurd entry made PdfPig loop without end (found by the reader fuzzing
/// at input 95,855). Our own briefing PDF carries such tables (its Noto fonts are CID fonts), so it is the
/// real file the damage is made in.
/// </summary>
public class PdfWidthTableTests
{
    private static byte[] _briefing = [];

    [OneTimeSetUp]
    public void MakeBriefing() => _briefing = FuzzSeeds.Make()[".pdf"][1];

    [TestCase("1e308 1e308 1e308 ", "not a number")]
    [TestCase("0 1000000000 500 ", "far beyond")]
    [TestCase("-2147483648 [500] ", "far beyond")]
    public void A_damaged_width_table_is_refused_as_damage_quickly_instead_of_hanging(string inserted, string reason)
    {
        var text = Encoding.Latin1.GetString(_briefing);
        var table = text.IndexOf("/W [", StringComparison.Ordinal);
        Assert.That(table, Is.GreaterThan(0), "the briefing PDF has a CID width table");
        var damaged = Encoding.Latin1.GetBytes(text.Insert(table + 4, inserted));

        Exception? error = null;
        var reader = new Thread(() =>
        {
            try { PdfReader.Read(damaged); }
            catch (Exception e) { error = e; }
        }) { IsBackground = true };
        reader.Start();
        Assert.That(reader.Join(TimeSpan.FromSeconds(30)), Is.True, "the reader came back");
        Assert.That(error, Is.TypeOf<ArticleException>());
        Assert.That(error!.Message, Does.StartWith("damaged PDF: a font's width table").And.Contain(reason));
    }

    [Test]
    public void Real_width_tables_pass_and_the_briefing_reads()
    {
        Assert.That(PdfWidthTables.Problem(_briefing), Is.Null);
        Assert.That(PdfReader.Read(_briefing).Text, Does.Contain("NATO"));
    }

    [Test]
    public void Bytes_inside_stream_data_are_never_read_as_a_width_table_but_a_table_after_the_stream_is()
    {
        const string binary = "<< /Length 23 /Filter /FlateDecode >>\nstream\n\u00b7/W[\u00ff\u0001 1e308\u0002]\nendstream\n";
        Assert.That(PdfWidthTables.Problem(Encoding.Latin1.GetBytes(binary + "<< /W [1 [500 600]] >>")), Is.Null);
        Assert.That(PdfWidthTables.Problem(Encoding.Latin1.GetBytes(binary + "<< /W [1 1e308 500] >>")), Does.Contain("not a number"));
    }

    [TestCase("<< /Type /XRef /W [1 2 1] /Size 9 >>")]
    [TestCase("<< /Widths [278 556 556] /WMode 0 /W 7 0 R >>")]
    public void Other_keys_and_cross_reference_streams_are_not_width_tables(string dictionary) =>
        Assert.That(PdfWidthTables.Problem(Encoding.ASCII.GetBytes(dictionary)), Is.Null);
}
