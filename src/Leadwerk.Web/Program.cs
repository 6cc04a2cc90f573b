using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Leadwerk.Web.Automation;
using Leadwerk.Web.Backup;
using Leadwerk.Web.Board;
using Leadwerk.Web.Bulk;
using Leadwerk.Web.Common;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Components;
using Leadwerk.Web.Data;
using Leadwerk.Web.Import;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Sales;
using Leadwerk.Web.Search;
using Leadwerk.Web.Selections;
using Leadwerk.Web.Users;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using Scalar.AspNetCore;

// `backup`, `restore` and `verify` (scripts/backup.sh, scripts/restore.sh) read the app's settings and exit without serving.
if (DatabaseCommands.IsCommand(args))
{
    return await DatabaseCommands.Run(args);
}

// `--demo` is a switch of our own; the configuration parser would take it as a key without value.
var demo = args.Contains("--demo");
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").ToArray());
if (demo)
{
    builder.Configuration["Leadwerk:DemoData"] = "true";
}

// Serve the static assets of a plain build (MudBlazor's css/js) in every environment, not only in
// Development; a published app serves them from its wwwroot and this is a no-op there.
builder.WebHost.UseStaticWebAssets();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddLeadwerkDatabase(builder.Configuration, builder.Environment);
builder.Services.AddScoped<ListService>();
builder.Services.AddScoped<CompanyService>();
builder.Services.AddScoped<PersonService>();
builder.Services.AddScoped<LeadTransitions>();
builder.Services.AddScoped<LeadAutomation>();
builder.Services.AddScoped<SuggestionService>();
builder.Services.AddScoped<AutomationService>();
builder.Services.AddScoped<CategoryHistory>();
builder.Services.AddScoped<SuggestionsNotifier>();
builder.Services.AddScoped<SaleService>();
builder.Services.AddScoped<UserService>();
builder.Services.AddScoped<UiActions>();
builder.Services.AddSingleton<CriteriaCompiler>();
builder.Services.AddScoped<SearchService>();
builder.Services.AddScoped<SelectionService>();
builder.Services.AddScoped<BoardService>();
builder.Services.AddScoped<BulkService>();
builder.Services.AddSingleton<JobQueue<BulkUpdate>>();
builder.Services.AddHostedService<BulkRunner>();
builder.Services.AddScoped<ImportService>();
builder.Services.AddSingleton<JobQueue<ImportJob>>();
builder.Services.AddHostedService<ImportRunner>();
builder.Services.AddScoped<SelectionExport>();
builder.Services.AddScoped<ContactsTab>();
builder.Services.AddScoped<UserSettings>();
builder.Services.AddLeadwerkAuth(builder.Configuration);

builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
});
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddRateLimiter(o =>
{
    o.AddPolicy(UsersApi.TokenRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
        http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = builder.Configuration.GetValue("Leadwerk:TokenRateLimitPerMinute", 20),
            Window = TimeSpan.FromMinutes(1),
        }));
    o.OnRejected = async (context, _) =>
    {
        context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await ProblemExceptionHandler.WriteStatusProblem(new StatusCodeContext(context.HttpContext, new StatusCodePagesOptions(), _ => Task.CompletedTask));
    };
});
builder.Services.AddOpenApi();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();

var app = builder.Build();
await app.PrepareDatabase();

app.UseExceptionHandler();
app.Use((http, next) =>
{
    // The app is never framed (clickjacking) and its responses are never sniffed into another type.
    http.Response.Headers.XContentTypeOptions = "nosniff";
    http.Response.Headers.XFrameOptions = "DENY";
    http.Response.Headers["Referrer-Policy"] = "same-origin";
    return next(http);
});
app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"),
    api => api.UseStatusCodePages(ProblemExceptionHandler.WriteStatusProblem));
app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"),
    pages => pages.UseStatusCodePagesWithReExecute("/not-found"));
app.UseAuthentication();
app.UseSessionValidation();
app.UseRequestActor();
app.UseLeadwerkCultures();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapOpenApi();
app.MapScalarApiReference("/api/reference");
app.MapGet("/health", async (LeadwerkDbContext db) =>
    await db.Database.CanConnectAsync() ? Results.Ok(new { status = "healthy" }) : Results.StatusCode(503))
    .WithTags("Health").AllowAnonymous();

app.MapUsers();
app.MapLists();
app.MapLostReasons();
app.MapCompanies();
app.MapPersons();
app.MapSales();
app.MapSearch();
app.MapSelections();
app.MapBoard();
app.MapBulk();
app.MapImports();
app.MapAutomation();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
return 0;

/// <summary>The entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
