using Leadwerk.Web.Leads;
using Leadwerk.Web.Common;
using Leadwerk.Web.Board;
using Leadwerk.Web.Bulk;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Data;
using Leadwerk.Web.Import;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Search;
using Leadwerk.Web.Selections;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Leadwerk.Bench;

/// <summary>
/// The app's own services over the benchmark database, registered as Program.cs does, so what is
/// timed is the code a request runs minus HTTP. Each measured call gets its own scope, as a request does.
/// </summary>
public static class BenchServices
{
    public static ServiceProvider Build(BenchOptions options)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = options.Provider,
            ["ConnectionStrings:Leadwerk"] = options.Connection,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        // No logging provider by default: EF's command log would cost more than some of the queries
        // it logs. LEADWERK_BENCH_SQL=1 prints the SQL each scenario runs, to read its plan.
        services.AddLogging(b =>
        {
            if (Environment.GetEnvironmentVariable("LEADWERK_BENCH_SQL") == "1")
            {
                b.AddSimpleConsole().AddFilter((category, level) =>
                    category == "Microsoft.EntityFrameworkCore.Database.Command" && level >= LogLevel.Information);
            }
        });
        services.AddSingleton(TimeProvider.System);
        services.AddLeadwerkDatabase(config, new BenchEnvironment());
        services.AddScoped<ListService>();
        services.AddScoped<CompanyService>();
        services.AddScoped<PersonService>();
        services.AddScoped<LeadTransitions>();
        services.AddScoped<Leadwerk.Web.Automation.LeadAutomation>();
        services.AddScoped<Leadwerk.Web.Automation.SuggestionService>();
        services.AddSingleton<CriteriaCompiler>();
        services.AddSingleton<Leadwerk.Web.Licensing.LicenceState>();
        services.AddScoped<Leadwerk.Web.Licensing.LicenceService>();
        services.AddScoped<SearchService>();
        services.AddScoped<SelectionService>();
        services.AddScoped<BoardService>();
        services.AddScoped<ContactsTab>();
        services.AddScoped<Leadwerk.Web.FollowUps.UserTime>();
        services.AddScoped<Leadwerk.Web.FollowUps.FollowUpService>();
        services.AddScoped<BulkService>();
        services.AddSingleton<Leadwerk.Web.Jobs.JobLeases>();
        services.AddSingleton<JobQueue<BulkUpdate>>();
        services.AddSingleton<BulkRunner>();
        services.AddScoped<ImportService>();
        services.AddSingleton<JobQueue<ImportJob>>();
        services.AddSingleton<ImportRunner>();
        return services.BuildServiceProvider();
    }

    private sealed class BenchEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "Leadwerk.Bench";
        public string ContentRootPath { get; set; } = Directory.GetCurrentDirectory();
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
