using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Leadwerk.BrowserTests.Infrastructure;

/// <summary>An axe scan after each page visit; serious and critical violations fail the test.</summary>
public static class Accessibility
{
    private static readonly string[] Failing = ["serious", "critical"];

    public static async Task AssertNoSeriousViolations(IPage page, string what)
    {
        // While a circuit takes over a prerendered page its head is rendered again and the title is
        // empty for a moment: scan the page as it settles, not that moment.
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex(@"\S"));
        var result = await page.RunAxe();
        var violations = result.Violations.Where(v => Failing.Contains(v.Impact)).ToList();
        if (violations.Count == 0)
        {
            return;
        }

        var message = new StringBuilder($"axe found {violations.Count} serious/critical violation(s) on {what} ({page.Url}):");
        foreach (var violation in violations)
        {
            message.AppendLine().Append($"- [{violation.Impact}] {violation.Id}: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes.Take(8))
            {
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message);
                message.AppendLine().Append($"    at {node.Target}: {string.Join("; ", checks)}");
                message.AppendLine().Append($"       {Shorten(node.Html)}");
            }
        }

        throw new Xunit.Sdk.XunitException(message.ToString());
    }

    private static string Shorten(string? html) => html is null ? "" : html.Length <= 200 ? html : html[..200] + "…";
}
