using Leadwerk.BrowserTests.Pages;
using Microsoft.Playwright;

namespace Leadwerk.BrowserTests.Infrastructure;

/// <summary>One app server and one Chromium for the whole collection, with the admin logged in once.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    // MudBlazor animates popovers and drawers; a test that clicks mid-animation is flaky. The style
    // is re-added when Blazor's DOM patching drops it.
    private const string NoAnimationsScript = """
        (() => {
          const css = '*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }';
          const ensure = () => {
            if (!document.getElementById('test-no-animations') && document.head) {
              const style = document.createElement('style');
              style.id = 'test-no-animations';
              style.textContent = css;
              document.head.appendChild(style);
            }
          };
          document.addEventListener('DOMContentLoaded', () => {
            ensure();
            new MutationObserver(ensure).observe(document.documentElement, { childList: true, subtree: true });
          });
        })();
        """;

    private readonly Dictionary<string, string> _storageStates = [];

    public LeadwerkServer Server { get; } = new();

    public IPlaywright Playwright { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl => Server.BaseAddress.ToString().TrimEnd('/');

    public TestData Data => new(Server.Services);

    public async Task InitializeAsync()
    {
        // Debian's headless shell costs far less CPU per test than the whole browser (ADR 0013).
        var chromium = Environment.GetEnvironmentVariable("LEADWERK_CHROMIUM") is { Length: > 0 } configured
            ? configured : new[] { "/usr/bin/chromium-headless-shell", "/usr/bin/chromium" }.FirstOrDefault(File.Exists) ?? "/usr/bin/chromium-headless-shell";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {chromium}. Run scripts/test.sh, which installs Chromium's headless shell " +
                "(apt-get install -y chromium-headless-shell), or point LEADWERK_CHROMIUM at a Chromium binary.");
        }

        Assertions.SetDefaultExpectTimeout(10_000);
        Server.Start();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser context; logged in as the given user when one is named, in the browser time zone given (else the machine's).</summary>
    public async Task<IBrowserContext> NewContext(string? userName = null, string? password = null, string? timeZoneId = null)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "en-US",
            ReducedMotion = ReducedMotion.Reduce,
            ViewportSize = new() { Width = 1280, Height = 900 },
            TimezoneId = timeZoneId,
        };
        if (userName is not null)
        {
            options.StorageState = await StorageState(userName, password ?? throw new ArgumentNullException(nameof(password)), timeZoneId);
        }

        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync(NoAnimationsScript);
        return context;
    }

    public Task<IBrowserContext> NewAdminContext() => NewContext(LeadwerkServer.AdminUserName, LeadwerkServer.AdminPassword);

    /// <summary>Logs in through the real form once per user and keeps the cookies for later contexts.</summary>
    private async Task<string> StorageState(string userName, string password, string? timeZoneId)
    {
        if (_storageStates.TryGetValue(userName, out var state))
        {
            return state;
        }

        // The same zone as the test's own context: the first page after login may save it as the user's.
        await using var context = await NewContext(timeZoneId: timeZoneId);
        var page = await context.NewPageAsync();
        var login = new LoginPage(page);
        await login.Open();
        await login.LogIn(userName, password);
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        state = await context.StorageStateAsync();
        _storageStates[userName] = state;
        return state;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        Playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
