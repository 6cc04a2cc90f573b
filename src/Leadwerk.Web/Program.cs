using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Leadwerk.Web.Audit;
using Leadwerk.Web.Jobs;
using Leadwerk.Web.Automation;
using Leadwerk.Web.Backup;
using Leadwerk.Web.Board;
using Leadwerk.Web.Bulk;
using Leadwerk.Web.Cluster;
using Leadwerk.Web.Common;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Components;
using Leadwerk.Web.Data;
using Leadwerk.Web.Distribution;
using Leadwerk.Web.FollowUps;
using Leadwerk.Web.Import;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Licensing;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Privacy;
using Leadwerk.Web.Sales;
using Leadwerk.Web.Search;
using Leadwerk.Web.Selections;
using Leadwerk.Web.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;

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
builder.Services.AddScoped<CompanyList>();
builder.Services.AddScoped<PersonService>();
builder.Services.AddScoped<LeadTransitions>();
builder.Services.AddScoped<LeadAutomation>();
builder.Services.AddScoped<SuggestionService>();
builder.Services.AddScoped<AutomationService>();
builder.Services.AddScoped<CategoryHistory>();
builder.Services.AddScoped<SuggestionsNotifier>();
builder.Services.AddScoped<SaleService>();
builder.Services.AddScoped<FollowUpService>();
builder.Services.AddScoped<UserTime>();
builder.Services.AddScoped<PersonTimeline>();
builder.Services.AddScoped<FollowUpsChanged>();
builder.Services.AddScoped<CalendarFeed>();
builder.Services.AddScoped<UserFollowUps>();
builder.Services.AddScoped<UserService>();
builder.Services.AddScoped<UiActions>();
builder.Services.AddSingleton<CriteriaCompiler>();
builder.Services.AddScoped<SearchService>();
builder.Services.AddScoped<GlobalSearch>();
builder.Services.AddScoped<SelectionService>();
builder.Services.AddScoped<Leadwerk.Web.Dashboards.TileEngine>();
builder.Services.AddScoped<Leadwerk.Web.Dashboards.DashboardService>();
builder.Services.AddScoped<BoardService>();
builder.Services.AddScoped<BulkService>();
builder.Services.AddSingleton<Leadwerk.Web.Jobs.JobLeases>();
builder.Services.AddHostedService<Leadwerk.Web.Cluster.ClusterListener>();
builder.Services.AddSingleton<JobQueue<BulkUpdate>>();
builder.Services.AddHostedService<BulkRunner>();
builder.Services.AddScoped<ImportService>();
builder.Services.AddSingleton<JobQueue<ImportJob>>();
builder.Services.AddHostedService<ImportRunner>();
builder.Services.AddScoped<SelectionExport>();
builder.Services.AddScoped<ContactsTab>();
builder.Services.AddScoped<UserSettings>();
builder.Services.AddScoped<AuditService>();
builder.Services.AddScoped<Leadwerk.Web.Jobs.JobsService>();
builder.Services.AddScoped<LicenceService>();
builder.Services.AddSingleton<LicenceState>();
builder.Services.AddSingleton<Leadwerk.Web.Attribution.AttributionRulesCache>();
builder.Services.AddScoped<Leadwerk.Web.Attribution.AttributionRulesService>();
builder.Services.AddSingleton<Leadwerk.Web.Attribution.TouchRecompute>();
builder.Services.AddHostedService(s => s.GetRequiredService<Leadwerk.Web.Attribution.TouchRecompute>());
builder.Services.AddScoped<DistributionService>();
builder.Services.AddScoped<RebalanceService>();
builder.Services.AddScoped<Leadwerk.Web.Forms.FormService>();
builder.Services.AddScoped<Leadwerk.Web.Forms.SubmissionService>();
builder.Services.AddScoped<Leadwerk.Web.Forms.SubmissionProcessor>();
builder.Services.AddScoped<Leadwerk.Web.Forms.FormInbox>();
builder.Services.AddSingleton<Leadwerk.Web.Forms.SubmissionLimits>();
builder.Services.AddSingleton<Leadwerk.Web.Forms.SubmissionQueue>();
builder.Services.AddHostedService<Leadwerk.Web.Forms.SubmissionWorker>();
builder.Services.AddScoped<Leadwerk.Web.Attribution.PersonAttribution>();
builder.Services.AddHostedService<AuditRetention>();
builder.Services.AddScoped<PersonData>();
builder.Services.AddScoped<PrivacyService>();
builder.Services.AddScoped<Leadwerk.Web.Webhooks.WebhookService>();
builder.Services.AddHostedService<Leadwerk.Web.Webhooks.WebhookSender>();
// No redirects followed: a receiver that moved says so in the delivery log instead of the body going elsewhere.
builder.Services.AddHttpClient(Leadwerk.Web.Webhooks.WebhookSender.HttpClientName)
    .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
builder.Services.AddLeadwerkAuth(builder.Configuration);
// Cookies, antiforgery and bearer tokens are protected with keys in the database, so any instance reads what another issued.
builder.Services.AddSharedKeys(builder.Configuration);
builder.Services.AddTrustedProxies(builder.Configuration);
builder.Services.AddSingleton<Drain>();

builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    // {"name":"a","name":"b"} means nothing certain; refused (400) rather than the last one winning.
    o.SerializerOptions.AllowDuplicateProperties = false;
    o.SerializerOptions.Converters.Add(new StrictJsonObjectConverter());
});
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddRateLimiter(o =>
{
    var loginsPerMinute = new FixedWindowRateLimiterOptions
    {
        PermitLimit = builder.Configuration.GetValue("Leadwerk:TokenRateLimitPerMinute", 20),
        Window = TimeSpan.FromMinutes(1),
    };
    o.AddPolicy(UsersApi.TokenRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
        LoginClient.AddressOf(http.Connection.RemoteIpAddress), _ => loginsPerMinute));
    // Calendar clients poll a feed every so often; more than that from one address is guessing tokens.
    var feedsPerMinute = new FixedWindowRateLimiterOptions
    {
        PermitLimit = builder.Configuration.GetValue("Leadwerk:CalendarRateLimitPerMinute", 60),
        Window = TimeSpan.FromMinutes(1),
    };
    o.AddPolicy(CalendarApi.RateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
        LoginClient.AddressOf(http.Connection.RemoteIpAddress), _ => feedsPerMinute));
    // The login form is the other door for password guesses; pages are a Razor component endpoint,
    // so it is singled out here rather than by endpoint.
    o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
        HttpMethods.IsPost(http.Request.Method) && http.Request.Path.Equals("/login", StringComparison.OrdinalIgnoreCase)
            ? RateLimitPartition.GetFixedWindowLimiter(LoginClient.AddressOf(http.Connection.RemoteIpAddress), _ => loginsPerMinute)
            : RateLimitPartition.GetNoLimiter(""));
    o.OnRejected = async (context, cancellationToken) =>
    {
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await ProblemExceptionHandler.WriteStatusProblem(new StatusCodeContext(http, new StatusCodePagesOptions(), _ => Task.CompletedTask));
        }
        else if (http.Request.Path.StartsWithSegments("/calendar"))
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(L.T(
                "Too many calendar requests from your address; wait a minute and try again.",
                "Te veel agendaverzoeken vanaf uw adres; wacht een minuut en probeer het opnieuw."), cancellationToken);
        }
        else
        {
            // The login form: a body of its own, or the status page would call it "not found".
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(L.T(
                "Too many login attempts from your address; wait a minute and try again.",
                "Te veel inlogpogingen vanaf uw adres; wacht een minuut en probeer het opnieuw."), cancellationToken);
        }
    };
});
builder.Services.AddOpenApi();
builder.Services.AddHostedService(s => s.GetRequiredService<Drain>());
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddTransient<MudBlazor.MudLocalizer, MudTexts>();

var app = builder.Build();
// Under Kestrel only (the tests' in-memory server binds nothing): a taken port is one line, not a stack trace.
var kestrel = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().GetType().Namespace?.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal) == true;
var urls = app.Configuration["urls"]
    ?? (app.Configuration["http_ports"] is { } ports ? string.Join(';', ports.Split(';').Select(p => $"http://*:{p}")) : null);
if (kestrel && StartupAddress.Busy(urls) is { } busy)
{
    await Console.Error.WriteLineAsync(busy);
    return 1;
}

try
{
    await app.PrepareDatabase();
}
catch (SchemaTooNewException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}

app.UseTrustedProxies();
app.UseSecurityHeaders(hsts: !app.Environment.IsDevelopment());
app.UseExceptionHandler();
// A page's 404 is re-executed as /not-found. Not inside a UseWhen branch: a branch has no routing of
// its own, so the re-executed request found no endpoint and the browser got an empty 404. The API's
// problem details come from the inner middleware, so the outer one leaves an API answer as it is.
app.UseStatusCodePagesWithReExecute("/not-found");
app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"),
    api => api.UseStatusCodePages(ProblemExceptionHandler.WriteStatusProblem));
// Routing after the status code pages, so a re-executed 404 is routed again, to /not-found.
app.UseRouting();
app.UseReadReplica();
app.UseAuthentication();
app.UseSessionValidation();
app.UseRequestActor();
app.UseLeadwerkCultures();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapOpenApi();
app.MapApiReference();
app.MapHealth();

app.MapUsers();
app.MapLists();
app.MapLostReasons();
app.MapCompanies();
app.MapPersons();
app.MapSales();
app.MapFollowUps();
app.MapCalendarFeed();
app.MapSearch();
app.MapSelections();
Leadwerk.Web.Dashboards.DashboardsApi.MapDashboards(app);
app.MapBoard();
app.MapBulk();
app.MapImports();
app.MapAutomation();
app.MapPrivacy();
app.MapAudit();
app.MapJobs();
app.MapLicence();
app.MapDistribution();
Leadwerk.Web.Forms.FormsApi.MapForms(app);
Leadwerk.Web.Webhooks.WebhooksApi.MapWebhooks(app);
Leadwerk.Web.Attribution.AttributionApi.MapAttributionRules(app);

app.MapStaticAssets();
// The circuit's own "frame-ancestors 'self'" is off: every page carries a full policy of ours.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);

try
{
    await app.StartAsync();
}
catch (Exception e) when (StartupAddress.IsAddressInUse(e))
{
    // Taken between the check above and binding.
    var (url, port) = StartupAddress.Named(e);
    await Console.Error.WriteLineAsync(StartupAddress.InUse(url, port));
    return 1;
}

await app.WaitForShutdownAsync();
return 0;

/// <summary>The entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
