using Microsoft.Playwright;

namespace Leadwerk.BrowserTests.Infrastructure;

/// <summary>The drafts a form keeps in the browser's localStorage (keys "leadwerk.draft.…").</summary>
public static class Drafts
{
    public static Task<bool> Any(IPage page) =>
        page.EvaluateAsync<bool>("() => Object.keys(localStorage).some(k => k.startsWith('leadwerk.draft.'))");

    public static Task WaitForAny(IPage page) =>
        page.WaitForFunctionAsync("() => Object.keys(localStorage).some(k => k.startsWith('leadwerk.draft.'))");

    /// <summary>Drafts are written 300 ms after the last keystroke: waits until what was typed last is in one.</summary>
    public static Task WaitFor(IPage page, params string[] typed) =>
        page.WaitForFunctionAsync(
            "typed => Object.keys(localStorage).some(k => k.startsWith('leadwerk.draft.') && typed.every(t => localStorage.getItem(k).includes(t)))",
            typed);
}
