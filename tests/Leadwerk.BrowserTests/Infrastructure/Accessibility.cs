using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Leadwerk.BrowserTests.Infrastructure;

/// <summary>An axe scan after each page visit; serious and critical violations fail the test.</summary>
/// <remarks>
/// axe-core (the copy bundled with Deque.AxeCore) runs in the page itself and hands back only the
/// failing rules. The package's own runner also returns every passing node and finishes each run
/// in a second page, which took four times as long per scan; the app has no frames that need it.
/// </remarks>
public static class Accessibility
{
    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

    private const string Scan = """
        async () => {
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => ({
              id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
              nodes: v.nodes.slice(0, 8).map(n => ({ target: JSON.stringify(n.target), html: n.html, summary: n.failureSummary ?? '' })),
            }));
        }
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task AssertNoSeriousViolations(IPage page, string what)
    {
        // While a circuit takes over a prerendered page its head is rendered again and the title is
        // empty for a moment: scan the page as it settles, not that moment.
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex(@"\S"));
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        var found = await page.EvaluateAsync<JsonElement>(Scan);
        var violations = found.Deserialize<List<Violation>>(Json) ?? [];
        if (violations.Count == 0)
        {
            return;
        }

        var message = new StringBuilder($"axe found {violations.Count} serious/critical violation(s) on {what} ({page.Url}):");
        foreach (var violation in violations)
        {
            message.AppendLine().Append($"- [{violation.Impact}] {violation.Id}: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                message.AppendLine().Append($"    at {node.Target}: {node.Summary.ReplaceLineEndings("; ")}");
                message.AppendLine().Append($"       {Shorten(node.Html)}");
            }
        }

        throw new Xunit.Sdk.XunitException(message.ToString());
    }

    private static string Shorten(string? html) => html is null ? "" : html.Length <= 200 ? html : html[..200] + "…";

    private sealed record Violation(string Id, string Impact, string Help, string HelpUrl, List<ViolationNode> Nodes);

    private sealed record ViolationNode(string Target, string Html, string Summary);
}
