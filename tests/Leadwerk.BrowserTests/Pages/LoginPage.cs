using Microsoft.Playwright;

namespace Leadwerk.BrowserTests.Pages;

public sealed class LoginPage(IPage page)
{
    public ILocator UserName => page.GetByLabel("User name");

    public ILocator Password => page.GetByLabel("Password");

    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "Log in" });

    public ILocator Error => page.GetByRole(AriaRole.Alert);

    public async Task Open() => await page.GotoAsync("/login");

    public async Task LogIn(string userName, string password)
    {
        await UserName.FillAsync(userName);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
    }
}
