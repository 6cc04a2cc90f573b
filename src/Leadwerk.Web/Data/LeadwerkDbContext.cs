using Leadwerk.Web.Leads;
using Leadwerk.Web.Bulk;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Import;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Sales;
using Leadwerk.Web.Search;
using Leadwerk.Web.Selections;
using Leadwerk.Web.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Leadwerk.Web.Data;

/// <remarks>
/// Migrations live in one assembly per provider. To add one after a model change, from the
/// repository root:
/// <code>
/// dotnet ef migrations add NAME --project src/Leadwerk.Migrations.Sqlite --startup-project src/Leadwerk.Web -- --Database:Provider=sqlite
/// dotnet ef migrations add NAME --project src/Leadwerk.Migrations.Postgres --startup-project src/Leadwerk.Web -- --Database:Provider=postgres
/// </code>
/// (scripts/add-migration.sh NAME does both.)
/// </remarks>
public sealed class LeadwerkDbContext(DbContextOptions<LeadwerkDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect cookies, antiforgery tokens and bearer tokens, shared by every instance (issue 18).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<User> Users => Set<User>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<LoginFailure> LoginFailures => Set<LoginFailure>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<LeadStatus> LeadStatuses => Set<LeadStatus>();
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<LeadStatusChange> LeadStatusChanges => Set<LeadStatusChange>();
    public DbSet<CompanyCategoryChange> CompanyCategoryChanges => Set<CompanyCategoryChange>();
    public DbSet<Automation.AutomationRule> AutomationRules => Set<Automation.AutomationRule>();
    public DbSet<Automation.Suggestion> Suggestions => Set<Automation.Suggestion>();
    public DbSet<Selection> Selections => Set<Selection>();
    public DbSet<SelectionMember> SelectionMembers => Set<SelectionMember>();
    public DbSet<UserSetting> UserSettings => Set<UserSetting>();
    public DbSet<BulkUpdate> BulkUpdates => Set<BulkUpdate>();
    public DbSet<BulkUpdateItem> BulkUpdateItems => Set<BulkUpdateItem>();
    public DbSet<ImportJob> Imports => Set<ImportJob>();
    public DbSet<ImportRow> ImportRows => Set<ImportRow>();
    public DbSet<LostReason> LostReasons => Set<LostReason>();
    public DbSet<Sale> Sales => Set<Sale>();
    public DbSet<FollowUps.FollowUp> FollowUps => Set<FollowUps.FollowUp>();
    public DbSet<FollowUps.FollowUpType> FollowUpTypes => Set<FollowUps.FollowUpType>();
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();
    public DbSet<Licensing.Licence> Licences => Set<Licensing.Licence>();
    public DbSet<Distribution.DistributionRule> DistributionRules => Set<Distribution.DistributionRule>();
    public DbSet<Distribution.DistributionMember> DistributionMembers => Set<Distribution.DistributionMember>();
    public DbSet<Distribution.Assignment> Assignments => Set<Distribution.Assignment>();
    public DbSet<Forms.Form> Forms => Set<Forms.Form>();
    public DbSet<Forms.FormSubmission> FormSubmissions => Set<Forms.FormSubmission>();
    public DbSet<Attribution.Touch> Touches => Set<Attribution.Touch>();
    public DbSet<Attribution.AttributionSettings> AttributionSettings => Set<Attribution.AttributionSettings>();
    public DbSet<Privacy.ErasedEmail> ErasedEmails => Set<Privacy.ErasedEmail>();
    public DbSet<Privacy.AppSecret> AppSecrets => Set<Privacy.AppSecret>();
    public DbSet<Dashboards.Dashboard> Dashboards => Set<Dashboards.Dashboard>();
    public DbSet<Webhooks.Webhook> Webhooks => Set<Webhooks.Webhook>();
    public DbSet<Webhooks.WebhookDelivery> WebhookDeliveries => Set<Webhooks.WebhookDelivery>();

    private CurrentActor? _actor;

    /// <summary>
    /// Who is changing data and through which channel: the scope's <see cref="CurrentActor"/>,
    /// attached when the scope creates this context. A lead status change without one is refused,
    /// so no path can skip the history (R13).
    /// </summary>
    public CurrentActor Actor => _actor ?? throw new InvalidOperationException(
        "This context has no actor: contexts come from a DI scope (which attaches its CurrentActor) or get one with WithActor.");

    /// <summary>The scope's actor when one is attached (see <see cref="WriteMarker"/>).</summary>
    internal CurrentActor? AttachedActor => _actor;

    /// <summary>Whether a user and channel are known for this context's changes (contexts of their own, e.g. for keys, have none).</summary>
    public bool HasActor => _actor is { IsSet: true };

    /// <summary>Called once, by the scope that creates this context (DatabaseSetup) or by code that owns a context of its own.</summary>
    public LeadwerkDbContext WithActor(CurrentActor actor)
    {
        if (_actor is not null && !ReferenceEquals(_actor, actor))
        {
            throw new InvalidOperationException("This context already has the actor of another scope.");
        }

        _actor = actor;
        return this;
    }

    /// <summary>Set while a save writes lead statuses, categories or users (see <see cref="Search.LookupCache"/>).</summary>
    internal bool ListsChanged { get; set; }

    /// <summary>The events this context's save is about to put in the outbox (see <see cref="Webhooks.WebhookInterceptor"/>).</summary>
    internal Webhooks.WebhookOutboxState? WebhookOutbox { get; set; }

    /// <summary>
    /// Set by a job that adds many persons in one save (an import batch): the new persons and their history
    /// rows are then written a few hundred per statement (see <see cref="BulkWriteInterceptor"/>).
    /// </summary>
    internal bool WriteInBulk { get; set; }

    private List<(string Topic, string Argument)>? _signals;

    /// <summary>
    /// Tells the other instances (<see cref="Cluster.ClusterSignals"/>) once this context's change is
    /// committed: now when no transaction is open (a save's own has committed), else when the open one
    /// commits (<see cref="Cluster.CommitSignals"/>); nothing when it rolls back.
    /// </summary>
    /// <returns>The sending, when it happens now: awaited by a caller whose next request may go to another instance.</returns>
    internal Task SignalAfterCommit(Cluster.ClusterSignals signals, string topic, string argument = "")
    {
        if (!signals.Shared)
        {
            return Task.CompletedTask;
        }

        if (Database.CurrentTransaction is null)
        {
            return signals.Send(topic, argument);
        }

        (_signals ??= []).Add((topic, argument));
        return Task.CompletedTask;
    }

    internal void FlushSignals(Cluster.ClusterSignals signals)
    {
        var pending = _signals;
        _signals = null;
        foreach (var (topic, argument) in pending?.Distinct() ?? [])
        {
            signals.SendSoon(topic, argument);
        }
    }

    internal void DropSignals() => _signals = null;

    /// <summary>Contexts are pooled (DatabaseSetup): the next user of this instance starts without an actor.</summary>
    public override void Dispose()
    {
        (_actor, ListsChanged, WebhookOutbox, WriteInBulk, _signals) = (null, false, null, false, null);
        base.Dispose();
    }

    /// <inheritdoc cref="Dispose"/>
    public override ValueTask DisposeAsync()
    {
        (_actor, ListsChanged, WebhookOutbox, WriteInBulk, _signals) = (null, false, null, false, null);
        return base.DisposeAsync();
    }

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LeadwerkDbContext).Assembly);
        DbDays.Map(modelBuilder, IsPostgres);
        if (IsPostgres)
        {
            // Folded keys compare by code point as on SQLite: the same order on both providers,
            // and "starts with" stays an exact index range whatever the database's locale.
            modelBuilder.Entity<Person>(p =>
            {
                p.Property(x => x.FirstNameKey).UseCollation("C");
                p.Property(x => x.LastNameKey).UseCollation("C");
                p.Property(x => x.EmailKey).UseCollation("C");
                p.Property(x => x.PhoneKey).UseCollation("C");
            });
            modelBuilder.Entity<Company>(c =>
            {
                c.Property(x => x.NameKey).UseCollation("C");
                c.Property(x => x.EmailKey).UseCollation("C");
                c.Property(x => x.PhoneKey).UseCollation("C");
            });
            // The funnel reads each person's rows at step statuses in (At, Id) order: with the id in
            // the index PostgreSQL answers from it alone (SQLite's index entries carry the rowid).
            modelBuilder.Entity<Leads.LeadStatusChange>().HasIndex(h => new { h.PersonId, h.At, h.ToId, h.BecameLead, h.FirstChangeAt, h.Reverted })
                .IncludeProperties(h => h.Id);
        }
        else
        {
            EmailTrigrams.Map(modelBuilder);
            Web.Dashboards.StatusSinceDays.Map(modelBuilder);
            SaleConfiguration.MapForSqlite(modelBuilder);
        }
    }

    /// <summary>All timestamps are UTC; SQLite forgets the kind, so it is put back on reading.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
