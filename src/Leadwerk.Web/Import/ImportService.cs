using Leadwerk.Web.Automation;
using Leadwerk.Web.Common;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Data;
using Leadwerk.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Import;

/// <summary>Check, dry-run, start, follow, resume and roll back CSV imports. The work itself runs in <see cref="ImportRunner"/>.</summary>
public sealed class ImportService(LeadwerkDbContext db, JobQueue<ImportJob> queue, IConfiguration config, LeadAutomation automation,
    Privacy.Suppression suppression, Licensing.LicenceService licences)
{
    public const string StateConflict = "importStateConflict";
    public const string FileTooLarge = "fileTooLarge";
    public const string NoRowsCode = "importNoRows";
    private const int ListedErrors = 1000;
    private const int DryRunChunk = 1000;

    /// <summary>Rows of a file staged at a time: what is held in memory while a file is read.</summary>
    private const int StagedRows = 5000;

    public long MaxBytes => config.GetValue<long>("Leadwerk:Import:MaxBytes", 10 * 1024 * 1024);

    /// <summary>The size limit in words, e.g. “10 MB”.</summary>
    public string MaxText => Size(MaxBytes);

    /// <summary>
    /// Checks the options and the file's header, maps the columns and returns the rows to import, read from
    /// the file as they are asked for (a file of a million rows is never held whole); refuses bad input as a
    /// whole: what is wrong before the first row at once, what is wrong further on when the rows are read.
    /// </summary>
    public async Task<(ImportSettings Settings, IEnumerable<ImportRow> Rows)> Prepare(ImportOptions? options, Stream file)
    {
        var settings = await Check(options);
        if (file.Length == 0)
        {
            throw DomainException.Invalid("file", L.T("The file is empty.", "Het bestand is leeg."));
        }

        if (file.Length > MaxBytes)
        {
            throw TooLarge();
        }

        var csv = ImportCsv.Open(file);
        var records = csv.Records().GetEnumerator();
        if (!records.MoveNext())
        {
            csv.Dispose();
            throw NoRows();
        }

        var mapping = ImportMapping.Map(settings.Entity, csv.Header, options!.Columns);
        return (settings, ImportMapping.Rows(settings, csv.Header, Rest(csv, records), mapping));
    }

    public Task<(ImportSettings Settings, IEnumerable<ImportRow> Rows)> Prepare(ImportOptions? options, byte[] file) =>
        Prepare(options, new MemoryStream(file, writable: false));

    /// <summary>
    /// The file's header with the field guessed for each column (null: not imported), read as the
    /// import reads it, so the UI can offer the guess before anything is checked or written.
    /// </summary>
    public IReadOnlyList<ImportColumn> Columns(string entity, byte[] file)
    {
        if (file.Length == 0)
        {
            throw DomainException.Invalid("file", L.T("The file is empty.", "Het bestand is leeg."));
        }

        if (file.Length > MaxBytes)
        {
            throw TooLarge();
        }

        var taken = new HashSet<string>();
        return ImportCsv.Read(file).Header
            .Select(h => new ImportColumn(h, ImportFields.Guess(entity, h) is { } field && taken.Add(field) ? field : null)).ToList();
    }

    /// <summary>A file with a header and nothing under it is refused: an import of 0 rows would only look like one.</summary>
    public static DomainException NoRows() => new ValidationFailedException(new Dictionary<string, string[]>
    {
        ["file"] = [L.T("The file has a header line but no rows under it: there is nothing to import.",
            "Het bestand heeft een kopregel maar geen rijen eronder: er is niets te importeren.")],
    }, NoRowsCode);

    /// <summary>Whether the file has a row under its header, read as the import reads it (the page says so before Check).</summary>
    public static bool HasRows(byte[] file) => ImportCsv.Read(file).Records.Count > 0;

    public DomainException TooLarge() => new(413, FileTooLarge, L.T(
        $"The file is larger than {Size(MaxBytes)}, the most an import takes.", $"Het bestand is groter dan {Size(MaxBytes)}, het maximum voor een import."), "file");

    /// <summary>What the import would do, row by row, by the same code as the run; nothing is saved.</summary>
    public async Task<ImportPreview> DryRun(ImportSettings settings, IEnumerable<ImportRow> file)
    {
        var rows = file.ToList();
        var lookups = await ImportLookups.Load(db);
        var companies = new Dictionary<string, Company>();
        foreach (var chunk in rows.Chunk(DryRunChunk))
        {
            // The tracker keeps the would-be changes of earlier chunks, so later rows see them as the run would.
            _ = settings.Entity == ImportFields.Person
                ? await new ImportPersons(db, settings, lookups, companies, automation, suppression).Process(chunk)
                : await new ImportCompanies(db, settings, lookups).Process(chunk);
        }

        db.ChangeTracker.Clear();
        return new ImportPreview(rows.Count, Count(rows, ImportRowState.Created), Count(rows, ImportRowState.Updated),
            Count(rows, ImportRowState.Unchanged), rows.Where(r => r.State == ImportRowState.Error).Select(Error).ToList());
    }

    /// <summary>
    /// Stores the rows with the job, a few thousand at a time as they are read, and queues it; the caller
    /// follows it with <see cref="Get"/>. One transaction: a file refused halfway leaves nothing behind.
    /// </summary>
    public async Task<ImportStatus> Start(ImportSettings settings, IEnumerable<ImportRow> rows, Actor user)
    {
        var job = new ImportJob { Entity = settings.Entity, SettingsJson = ImportValues.Serialize(settings), UserId = user.UserId!.Value };
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Imports.Add(job);
            await db.SaveChangesAsync();
            foreach (var chunk in rows.Chunk(StagedRows))
            {
                foreach (var row in chunk)
                {
                    row.ImportId = job.Id;
                }

                await ImportRowWrites.Insert(db, chunk);
                job.Rows += chunk.Length;
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        queue.Enqueue(job.Id);
        return await Get(job.Id, user);
    }

    public async Task<ImportStatus> Get(int id, Actor user)
    {
        var job = await Find(id, user);
        var errors = await Listed(id, ImportRowState.Error);
        var skipped = await Listed(id, ImportRowState.RollbackSkipped);
        return new ImportStatus(job.Id, job.Entity, job.State.Key(), job.Rows, job.Done, job.Created, job.Updated, job.Unchanged,
            job.Errors, errors, job.RollbackSkipped, skipped, job.CreatedAt, job.FinishedAt);
    }

    /// <summary>Continues an interrupted import (or its rollback) with the rows it had not reached.</summary>
    public async Task<ImportStatus> Resume(int id, Actor user)
    {
        var job = await Find(id, user);
        if (job.State != ImportState.Interrupted)
        {
            throw DomainException.Conflict(StateConflict, L.T("Only an interrupted import can be resumed.", "Alleen een onderbroken import kan worden hervat."));
        }

        var rollingBack = await db.ImportRows.AnyAsync(r => r.ImportId == id && (r.State == ImportRowState.RolledBack || r.State == ImportRowState.RollbackSkipped));
        return await Queue(id, rollingBack ? ImportState.RollingBack : ImportState.Queued, user);
    }

    /// <summary>Removes what the import created and puts back what it updated; records changed since are left and listed.</summary>
    public async Task<ImportStatus> Rollback(int id, Actor user)
    {
        var job = await Find(id, user);
        if (job.State is not (ImportState.Done or ImportState.Interrupted))
        {
            throw DomainException.Conflict(StateConflict, L.T("Only a finished or interrupted import can be rolled back.",
                "Alleen een voltooide of onderbroken import kan worden teruggedraaid."));
        }

        return await Queue(id, ImportState.RollingBack, user);
    }

    /// <summary>How many records a rollback would put back now: what an interrupted rollback already handled is not counted again.</summary>
    public async Task<int> StillToRollBack(int id, Actor user)
    {
        await Find(id, user);
        return await db.ImportRows.CountAsync(r => r.ImportId == id && (r.State == ImportRowState.Created || r.State == ImportRowState.Updated));
    }

    private async Task<ImportStatus> Queue(int id, ImportState state, Actor user)
    {
        await db.Imports.Where(b => b.Id == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.State, state).SetProperty(b => b.Version, b => b.Version + 1));
        queue.Enqueue(id);
        return await Get(id, user);
    }

    private async Task<List<ImportError>> Listed(int id, ImportRowState state) =>
        (await db.ImportRows.AsNoTracking().Where(r => r.ImportId == id && r.State == state).OrderBy(r => r.Line).Take(ListedErrors)
            .Select(r => new ImportRow { Line = r.Line, Reason = r.Reason, Code = r.Code, Args = r.Args }).ToListAsync()).Select(Error).ToList();

    /// <summary>A row's reason in the reader's language, whoever ran the import.</summary>
    private static ImportError Error(ImportRow row) => new(row.Line, ImportErrors.Render(row.Code, row.Args, row.Reason), row.Code);

    /// <summary>An import is the business of the user who started it and of administrators.</summary>
    private async Task<ImportJob> Find(int id, Actor user) =>
        await db.Imports.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && (b.UserId == user.UserId || user.IsAdmin))
        ?? throw DomainException.NotFound(L.T("The import was not found.", "De import is niet gevonden."));

    private async Task<ImportSettings> Check(ImportOptions? options)
    {
        var v = new Validation();
        var entity = options?.Entity?.Trim().ToLowerInvariant();
        if (entity is not (ImportFields.Person or ImportFields.Company))
        {
            v.Add("entity", L.T("entity must be person or company.", "entity moet person of company zijn.")).ThrowIfInvalid();
        }

        var matchBy = options!.MatchBy ?? (entity == ImportFields.Person ? "email" : "orgNumber");
        string[] allowed = entity == ImportFields.Person ? ["email"] : ["orgNumber", "name", "email"];
        if (!allowed.Contains(matchBy))
        {
            v.Add("matchBy", L.T($"matchBy must be {string.Join(" or ", allowed)} for {entity}.", $"matchBy moet {string.Join(" of ", allowed)} zijn voor {entity}."));
        }

        var defaults = options.Defaults ?? new ImportDefaults(null, null, null);
        if (defaults.CategoryId is { } c && !await db.Categories.AnyAsync(x => x.Id == c && !x.Deleted))
        {
            v.Add("defaults.categoryId", L.T("The default category does not exist or has been deleted.", "De standaardcategorie bestaat niet of is verwijderd."));
        }

        if (defaults.LeadStatusId is { } s && !await db.LeadStatuses.AnyAsync(x => x.Id == s && !x.Deleted))
        {
            v.Add("defaults.leadStatusId", L.T("The default lead status does not exist or has been deleted.", "De standaardleadstatus bestaat niet of is verwijderd."));
        }

        if (defaults.OwnerId is { } o && !await db.Users.AnyAsync(x => x.Id == o && !x.Disabled))
        {
            v.Add("defaults.ownerId", L.T("The default owner must be an existing, active user.", "De standaardeigenaar moet een bestaande, actieve gebruiker zijn."));
        }

        if (options.Distribute && entity != ImportFields.Person)
        {
            v.Add("distribute", L.T("Only a person import distributes new leads.", "Alleen een import van personen verdeelt nieuwe leads."));
        }

        v.ThrowIfInvalid();
        if (options.Distribute)
        {
            // Refused before anything is stored, as for every channel that asks for distribution.
            await licences.Require(Licensing.Features.Distribution);
        }

        return new ImportSettings(entity!, matchBy, defaults, options.Distribute);
    }

    /// <summary>The records from the one already read on; the file is closed when they are all read.</summary>
    private static IEnumerable<CsvRecord> Rest(ImportCsv csv, IEnumerator<CsvRecord> records)
    {
        using (csv)
        using (records)
        {
            do
            {
                yield return records.Current;
            }
            while (records.MoveNext());
        }
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MB",
        >= 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes} bytes",
    };

    private static int Count(List<ImportRow> rows, ImportRowState state) => rows.Count(r => r.State == state);
}
