using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Pipeline.Model;
using Pipeline.Reports.Html;

namespace Pipeline.Tests.Reports;

/// <summary>The HTML view opened in a real browser (headless Chromium) from file://, as an analyst would open it.</summary>
public class HtmlViewTests
{
    private static readonly Lazy<string> Briefing = new(() => Write("briefing.html", s => new HtmlReportWriter().Write(SampleArticle.Load() with
    {
        Metadata = SampleArticle.Load().Metadata with { Url = new Sourced<string>("https://example.org/anticorruption", "sidecar") },
    }, s)));

    private static readonly Lazy<string> Overview = new(() => Write("index.html", s => new HtmlReportWriter().WriteOverview(SampleOverview.Build(), s)));

    private static string Write(string name, Action<Stream> write)
    {
        var dir = Path.Combine(TestContext.CurrentContext.WorkDirectory, "html-samples");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        using (var file = File.Create(path)) write(file);
        return path;
    }

    private static IEnumerable<string> Pages() => ["briefing", "overview"];

    private static string Page(string which) => which == "briefing" ? Briefing.Value : Overview.Value;

    [TestCaseSource(nameof(Pages))]
    public void Page_opens_with_no_console_error_and_no_network_request(string which)
    {
        // What the page itself loaded (Resource Timing), apart from the browser's own background traffic.
        const string Script = """
            window.addEventListener("load", function () {
              var pre = document.createElement("pre"); pre.id = "resources";
              pre.textContent = JSON.stringify(performance.getEntriesByType("resource").map(function (e) { return e.name; }));
              document.body.appendChild(pre);
            });
            """;
        var plain = Chromium.DumpDom(Page(which));
        Assert.That(plain.ExitCode, Is.Zero, plain.Log);
        Assert.That(Chromium.ConsoleErrors(plain.Log), Is.Empty);
        Assert.That(plain.Dom, Does.Contain("</main>"));

        var result = Chromium.DumpDom(Inject(Page(which), Script));
        var json = Regex.Match(result.Dom, "<pre id=\"resources\">(?<json>.*?)</pre>", RegexOptions.Singleline);
        Assert.That(json.Success, "the resource script did not report");
        var loaded = JsonSerializer.Deserialize<string[]>(WebUtility.HtmlDecode(json.Groups["json"].Value))!;
        Assert.That(loaded.Where(u => !u.StartsWith("data:", StringComparison.Ordinal) && !u.StartsWith("file:", StringComparison.Ordinal)), Is.Empty);
        Assert.That(Chromium.ConsoleErrors(result.Log), Is.Empty, "the page's Content-Security-Policy blocked nothing");
    }

    [Test]
    public void Briefing_highlights_entities_with_a_legend_and_links_the_source()
    {
        var dom = Chromium.DumpDom(Briefing.Value).Dom;
        Assert.That(dom, Does.Contain("<mark class=\"ent ent-org\">中非合作论坛</mark>"));
        Assert.That(dom, Does.Contain("<mark class=\"ent ent-agreement\">联合国反腐败公约</mark>"));
        Assert.That(dom, Does.Contain("Highlighted:"));
        Assert.That(dom, Does.Contain("<a href=\"https://example.org/anticorruption\">"));
        Assert.That(dom, Does.Contain("<h2 id=\"agreements\">"));
    }

    [TestCaseSource(nameof(Pages))]
    public void Page_passes_axe_checks_of_headings_contrast_and_labels(string which)
    {
        const string Runner = """
            axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"] } }).then(function (r) {
              var pre = document.createElement("pre"); pre.id = "axe-results";
              pre.textContent = JSON.stringify({ passes: r.passes.map(function (p) { return p.id; }),
                violations: r.violations.map(function (v) { return v.id + " (" + v.impact + "): " + v.help + " at " +
                  v.nodes.slice(0, 3).map(function (n) { return n.target.join(" "); }).join(" | "); }) });
              document.body.appendChild(pre);
            });
            """;
        var page = Inject(Page(which), new BundledAxeScriptProvider().GetScript() + "\n" + Runner);
        var result = Chromium.DumpDom(page, budgetMs: 20000);
        var json = Regex.Match(result.Dom, "<pre id=\"axe-results\">(?<json>.*?)</pre>", RegexOptions.Singleline);
        Assert.That(json.Success, "axe did not report (is the script allowed to run?)\n" + result.Log);
        using var report = JsonDocument.Parse(WebUtility.HtmlDecode(json.Groups["json"].Value));
        var passes = report.RootElement.GetProperty("passes").EnumerateArray().Select(p => p.GetString()).ToList();
        var violations = report.RootElement.GetProperty("violations").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.That(violations, Is.Empty);
        // The checks the issue names did run (and passed): headings, contrast, labels.
        Assert.That(passes, Does.Contain("heading-order").And.Contain("page-has-heading-one").And.Contain("color-contrast"));
        if (which == "overview") Assert.That(passes, Does.Contain("label").Or.Contain("select-name"));
    }

    [Test]
    public void Overview_filters_documents_by_organisation_and_date()
    {
        const string Script = """
            window.addEventListener("load", function () {
              function visible() {
                return Array.prototype.filter.call(document.querySelectorAll("table[data-name=documents] tbody tr"),
                  function (r) { return !r.hidden; }).length;
              }
              var out = {}; out.all = visible();
              var org = document.getElementById("f-org");
              org.value = Array.prototype.find.call(org.options, function (o) { return o.text.indexOf("North Atlantic") === 0; }).value;
              org.dispatchEvent(new Event("change"));
              out.nato = visible();
              org.value = ""; org.dispatchEvent(new Event("change"));
              var from = document.getElementById("f-from"); from.value = "2020"; from.dispatchEvent(new Event("input"));
              out.since2020 = visible();
              out.status = document.getElementById("f-status").textContent;
              var pre = document.createElement("pre"); pre.id = "filter-results"; pre.textContent = JSON.stringify(out);
              document.body.appendChild(pre);
            });
            """;
        var dom = Chromium.DumpDom(Inject(Overview.Value, Script)).Dom;
        var json = Regex.Match(dom, "<pre id=\"filter-results\">(?<json>.*?)</pre>", RegexOptions.Singleline);
        Assert.That(json.Success, "the filter script did not report");
        using var result = JsonDocument.Parse(WebUtility.HtmlDecode(json.Groups["json"].Value));
        Assert.That(result.RootElement.GetProperty("all").GetInt32(), Is.EqualTo(3));
        Assert.That(result.RootElement.GetProperty("nato").GetInt32(), Is.EqualTo(1), "only the NATO statement mentions NATO");
        Assert.That(result.RootElement.GetProperty("since2020").GetInt32(), Is.EqualTo(1), "only the 2022 statement is dated 2020 or later");
        Assert.That(result.RootElement.GetProperty("status").GetString(), Is.EqualTo("1 of 3 documents match."));
    }

    [Test]
    public void Tables_sort_by_a_click_on_their_header()
    {
        const string Script = """
            window.addEventListener("load", function () {
              var table = document.querySelector("table[data-name=documents]");
              var firstTitle = function () { return table.tBodies[0].rows[0].cells[1].textContent; };
              var button = table.querySelectorAll("th button")[2]; // Date
              button.click(); var ascending = firstTitle();
              button.click(); var descending = firstTitle();
              var pre = document.createElement("pre"); pre.id = "sort-results";
              pre.textContent = JSON.stringify({ ascending: ascending, descending: descending, sort: table.querySelectorAll("th")[2].getAttribute("aria-sort") });
              document.body.appendChild(pre);
            });
            """;
        var dom = Chromium.DumpDom(Inject(Overview.Value, Script)).Dom;
        var json = Regex.Match(dom, "<pre id=\"sort-results\">(?<json>.*?)</pre>", RegexOptions.Singleline);
        Assert.That(json.Success, "the sort script did not report");
        using var result = JsonDocument.Parse(WebUtility.HtmlDecode(json.Groups["json"].Value));
        // The failed document has no date: first in ascending order; the 2022 statement first in descending order.
        Assert.That(result.RootElement.GetProperty("ascending").GetString(), Does.StartWith("broken"));
        Assert.That(result.RootElement.GetProperty("descending").GetString(), Does.StartWith("Statement on the Accession Protocols"));
        Assert.That(result.RootElement.GetProperty("sort").GetString(), Is.EqualTo("descending"));
    }

    /// <summary>A copy of the page with a test script added before &lt;/body&gt; (the page allows inline scripts, nothing else).</summary>
    private static string Inject(string page, string script)
    {
        var html = File.ReadAllText(page);
        var at = html.LastIndexOf("</body>", StringComparison.Ordinal);
        var copy = Path.Combine(Path.GetDirectoryName(page)!, $"{Path.GetFileNameWithoutExtension(page)}-{Guid.NewGuid():N}.html");
        File.WriteAllText(copy, html[..at] + "<script>" + script.Replace("</script", "<\\/script") + "</script>\n" + html[at..]);
        return copy;
    }
}
