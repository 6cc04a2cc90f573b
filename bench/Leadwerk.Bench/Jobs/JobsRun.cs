using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Leadwerk.Bench.Matrix;
using Leadwerk.Web.Bulk;
using Leadwerk.Web.Search;

namespace Leadwerk.Bench.Jobs;

/// <summary>
/// `jobs` (issue 17): the jobs of a big customer, through the real app over HTTP — a CSV import of
/// N new persons and its rollback, then a bulk update of every person's owner and its undo — each
/// timed from the request to the finished run, with the app process's peak memory and checks that
/// the history and the undo are whole. The data ends as it started (but for versions and dates).
/// </summary>
public static class JobsRun
{
    /// <summary>Each job: finish in under a minute; the app stays under 1 GiB.</summary>
    private const double GoalMs = 60_000, GoalMib = 1024;

    public static async Task Run(BenchOptions options, TextWriter log)
    {
        var tag = "Bench" + Guid.NewGuid().ToString("N")[..8];
        var csv = Csv(options.Rows, tag);
        await using var floor = await Floor.Open(options);
        await floor.MapLikeTheApp();
        var floors = new JobFloors(floor.Connection, options.Provider == "postgres");
        var persons = await floor.Scalar("""SELECT COUNT(*) FROM "Persons" """);
        var settings = new Dictionary<string, string> { ["Leadwerk__Import__MaxBytes"] = (csv.Length + (1 << 20)).ToString(CultureInfo.InvariantCulture) };
        await using var app = await AppProcess.Start(options, log, settings);
        // A file of 1M rows is read, checked and stored before the upload is answered.
        using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(30) };
        Http.Authorize(client, await app.Token());
        await using var memory = new PeakMemory(app.Pid);
        var results = new List<JobResult>();

        void Floored(string name, double ms)
        {
            var i = results.FindIndex(r => r.Name == name);
            results[i] = results[i] with { FloorMs = ms };
            log.WriteLine($"- {name} floor: {ms / 1000:N1} s");
        }

        async Task<JsonElement> Timed(string name, string what, Func<Task<JsonElement>> job)
        {
            memory.Reset();
            var watch = Stopwatch.StartNew();
            var status = await job();
            results.Add(new JobResult(name, what, watch.Elapsed.TotalMilliseconds, memory.PeakMib, memory.PeakAnonymousMib));
            log.WriteLine($"- {name}: {watch.Elapsed.TotalSeconds:N1} s, peak {memory.PeakMib:N0} MiB, own {memory.PeakAnonymousMib:N0} MiB ({what})");
            return status;
        }

        if (Runs(options, "import"))
        {
            await Import(options, tag, csv, persons, floor, floors, client, Timed, Floored);
        }

        if (Runs(options, "bulk"))
        {
            await Bulk(persons, floor, floors, client, Timed, Floored);
        }

        var report = Markdown(options, persons, results);
        await File.WriteAllTextAsync(options.Output, report);
        log.WriteLine($"Report written to {options.Output}.");
    }

    /// <summary>`--only import` or `--only bulk` runs one pair of jobs (with their floors); without it both run.</summary>
    private static bool Runs(BenchOptions options, string jobs) =>
        options.Only is null || jobs.Contains(options.Only, StringComparison.OrdinalIgnoreCase);

    private delegate Task<JsonElement> TimedJob(string name, string what, Func<Task<JsonElement>> job);

    private static async Task Import(BenchOptions options, string tag, byte[] csv, long persons, Floor floor, JobFloors floors, HttpClient client,
        TimedJob timed, Action<string, double> floored)
    {
        // A person without a company takes the import's default category: one where lead statuses are used.
        var category = await floor.Scalar("""SELECT "Id" FROM "Categories" WHERE "LeadStatusEnabled" AND NOT "Deleted" ORDER BY "Rank", "Id" LIMIT 1""");
        var import = await timed("CSV import", $"{options.Rows:N0} new persons, {csv.Length / 1048576.0:N1} MiB, matched by e-mail", async () =>
        {
            var started = await Upload(client, csv, (int)category);
            return await Until(client, $"api/imports/{started.GetProperty("id").GetInt32()}", "done");
        });
        var importId = import.GetProperty("id").GetInt32();
        Check(import.GetProperty("create").GetInt32() == options.Rows, $"the import created {import.GetProperty("create")} persons, not {options.Rows}");
        Check(await History(floor, 2, importId, undoes: false) == options.Rows, "not every imported person has its became-a-lead history row");
        // The status each imported person started in, for the floor's rows (the rollback takes the history with the persons).
        var status = await floor.Scalar("""SELECT "ToId" FROM "LeadStatusChanges" WHERE "JobKind" = 2 AND "JobId" = @id LIMIT 1""", ("@id", importId));

        await timed("Import rollback", $"removes the {options.Rows:N0} persons the import created", async () =>
        {
            await Http.Json(client, HttpMethod.Post, $"api/imports/{importId}/rollback");
            return await Until(client, $"api/imports/{importId}", "rolledBack");
        });
        Check(await floor.Scalar("""SELECT COUNT(*) FROM "Persons" """) == persons, "the rollback did not leave the persons as they were");

        // The floors after the app's own runs, on the same data, with the app idle.
        var user = await floor.Scalar("""SELECT "UserId" FROM "Imports" WHERE "Id" = @id""", ("@id", importId));
        var (importFloor, floorImport) = await floors.Import(options.Rows, tag + "F", category, status, user);
        Check(await floor.Scalar("""SELECT COUNT(*) FROM "Persons" """) == persons + options.Rows, "the import floor did not add every person");
        var rollbackFloor = await floors.Rollback(floorImport, options.Rows);
        Check(await floor.Scalar("""SELECT COUNT(*) FROM "Persons" """) == persons, "the rollback floor did not remove every person it added");
        floored("CSV import", importFloor);
        floored("Import rollback", rollbackFloor);
    }

    private static async Task Bulk(long persons, Floor floor, JobFloors floors, HttpClient client, TimedJob timed, Action<string, double> floored)
    {

        // Every person gets another owner: the one user who owns fewest (the others stay unchanged), then the undo puts each back.
        const string owners = """SELECT COUNT("OwnerId") || '/' || COALESCE(SUM("OwnerId"), 0) || '/' || COALESCE(SUM("OwnerId" * ("Id" % 7)), 0) FROM "Persons" """;
        var before = await floor.Text(owners);
        var owner = await floor.Scalar("""
            SELECT u."Id" FROM "Users" u WHERE NOT u."Disabled" ORDER BY (SELECT COUNT(*) FROM "Persons" p WHERE p."OwnerId" = u."Id"), u."Id" LIMIT 1
            """);
        var target = new BulkTarget(null, new Criteria(Entities.Person, []), null, null);
        var bulk = await timed("Bulk update", $"owner of all {persons:N0} persons, with undo items", async () =>
        {
            var started = await Http.Json(client, HttpMethod.Post, "api/bulk-updates",
                new BulkRequest(target, [new BulkAction(BulkFields.PersonOwner, "set", (int)owner)], DryRun: false));
            return await Until(client, $"api/bulk-updates/{started.GetProperty("id").GetInt32()}", "done");
        });
        var bulkId = bulk.GetProperty("id").GetInt32();
        var owned = await floor.Scalar("""SELECT COUNT(*) FROM "Persons" WHERE "OwnerId" = @owner""", ("@owner", owner));
        Check(owned == persons && bulk.GetProperty("changed").GetInt32() > persons / 2,
            $"after the bulk update {owned:N0} of {persons:N0} persons have the new owner ({bulk.GetProperty("changed")} changed)");

        await timed("Bulk undo", $"puts back the owner of the {bulk.GetProperty("changed").GetInt32():N0} persons it changed", async () =>
        {
            await Http.Json(client, HttpMethod.Post, $"api/bulk-updates/{bulkId}/undo");
            return await Until(client, $"api/bulk-updates/{bulkId}", "undone");
        });
        Check(await floor.Text(owners) == before, "the undo did not put every owner back");

        // The floor's run is the first user's (the floor writes no more than the run's row for it).
        var user = await floor.Scalar("""SELECT MIN("Id") FROM "Users" """);
        var (bulkFloor, floorRun) = await floors.Bulk(owner, user);
        Check(await floor.Scalar("""SELECT COUNT(*) FROM "Persons" WHERE "OwnerId" = @owner""", ("@owner", owner)) == persons, "the bulk floor missed persons");
        var undoFloor = await floors.Undo(floorRun);
        Check(await floor.Text(owners) == before, "the undo floor did not put every owner back");
        floored("Bulk update", bulkFloor);
        floored("Bulk undo", undoFloor);
    }

    /// <summary>New persons only, none at a company, so each starts as a lead in the import's category and each can change status.</summary>
    private static byte[] Csv(int rows, string tag)
    {
        var csv = new StringBuilder(rows * 80);
        csv.Append("first name,last name,e-mail,phone,title\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(tag).Append(",Import ").Append(i.ToString(CultureInfo.InvariantCulture))
                .Append(',').Append(tag.ToLowerInvariant()).Append('-').Append(i.ToString(CultureInfo.InvariantCulture)).Append("@bench.example")
                .Append(",+31 6 ").Append((10_000_000 + i).ToString(CultureInfo.InvariantCulture)).Append(",Buyer\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static async Task<JsonElement> Upload(HttpClient client, byte[] csv, int category)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "bench.csv");
        form.Add(new StringContent(JsonSerializer.Serialize(new { entity = "person", matchBy = "email", defaults = new { categoryId = category }, dryRun = false })), "options");
        using var response = await client.PostAsync("api/imports", form);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(text).RootElement.Clone()
            : throw new InvalidOperationException($"POST api/imports answered {(int)response.StatusCode}: {text[..Math.Min(400, text.Length)]}");
    }

    /// <summary>Follows a job until it reaches <paramref name="state"/>; any other end state is a failure.</summary>
    private static async Task<JsonElement> Until(HttpClient client, string path, string state)
    {
        while (true)
        {
            var status = await Http.Json(client, HttpMethod.Get, path);
            var now = status.GetProperty("state").GetString();
            if (now == state)
            {
                return status;
            }

            if (now is not ("queued" or "running" or "undoing" or "rollingBack"))
            {
                throw new InvalidOperationException($"{path} ended {now}, not {state}: {status}");
            }

            await Task.Delay(250);
        }
    }

    private static Task<long> History(Floor floor, int kind, int job, bool undoes) => floor.Scalar(
        $"""SELECT COUNT(*) FROM "LeadStatusChanges" WHERE "JobKind" = @kind AND "JobId" = @job AND "Undoes" = {(undoes ? "TRUE" : "FALSE")}""",
        ("@kind", kind), ("@job", job));

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Benchmark scenario failed: {problem}.");
        }
    }

    private static string Markdown(BenchOptions options, long persons, List<JobResult> results)
    {
        var provider = options.Provider == "postgres" ? "PostgreSQL" : "SQLite";
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Jobs at the scale of big customers ({provider})");
        md.AppendLine();
        md.AppendLine("Measured by `Leadwerk.Bench jobs` (issue 17): the real app as its own process (Production, loopback HTTP), each job from");
        md.AppendLine("the request to its finished state, the app's peak resident memory (Linux VmHWM, reset before each job). After each job");
        md.AppendLine("the run checks the database: every imported person has its became-a-lead history row, the rollback leaves as many");
        md.AppendLine("persons as before, the bulk update gives every person the new owner and its undo puts every owner back.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; machine: {Environment.ProcessorCount} cores; app build: {AppProcess.BuildConfiguration}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Data before: {persons:N0} persons{(options.Quick ? " (quick mode: a smoke test, not a measurement)" : "")}");
        md.AppendLine();
        md.AppendLine("The floor is the same job's writes by hand (`Jobs/JobFloors.cs`): the persons, their history rows, the file's lines");
        md.AppendLine("with their outcomes, the changed persons' old owners, as multi-row statements prepared once, in transactions of the");
        md.AppendLine("app's batch size, run after the app's job on the same database with the app idle. The goal stays absolute.");
        md.AppendLine();
        md.AppendLine("Peak memory is the process's resident set; *own* is the part that is not the database file SQLite maps into it");
        md.AppendLine("(RssAnon: heap and stacks, sampled every 100 ms). The memory goal is judged on *own*: the mapped pages of the database");
        md.AppendLine("file are the kernel's page cache (clean, shared, dropped under pressure) and grow with the database up to the map's size");
        md.AppendLine("(`Database:SqliteMmapBytes`), not with the job.");
        md.AppendLine();
        md.AppendLine("| Job | What | Time (s) | Floor (s) | Ratio | Peak memory (MiB) | own (MiB) | Goal | Met |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---|:---:|");
        foreach (var r in results)
        {
            var ruled = r.Name is "CSV import" or "Bulk update";
            var met = !ruled ? "—" : r.Ms < GoalMs && r.AnonymousMib < GoalMib ? "yes" : "**no**";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.What} | {r.Ms / 1000:0.0} | {r.FloorMs / 1000:0.0} | {r.Ms / r.FloorMs:0.0} | {r.PeakMib:N0} | {r.AnonymousMib:N0} | {(ruled ? "< 60 s, own < 1,024 MiB" : "reported")} | {met} |");
        }

        return md.ToString();
    }

    private sealed record JobResult(string Name, string What, double Ms, double PeakMib, double AnonymousMib, double FloorMs = double.NaN);
}
