namespace Leadwerk.Bench;

/// <summary>
/// The lead status history as the app writes it (B1, the dashboard's source): each person's rows
/// are consecutive (a row's from-values are the previous row's to-values) and carry the activeness
/// before and after (R2), whether the person became an active lead (R5) and since when it had the
/// status the row ends. Dates are back-dated from <see cref="Generated"/> over <see cref="HistoryDays"/>
/// days with more persons lately (a growing CRM), so "the last 30 days" holds about 5 % of them
/// when the benchmark runs on the day the data was generated.
/// </summary>
public sealed partial class DataSet
{
    public const int HistoryDays = 730;

    /// <summary>The share (per mille) of persons in a category that is not active who were once an active lead.</summary>
    private const int OnceLeadPerMille = 400;

    // Lead status ranks: Open, Contacting, Qualified, Disqualified, Re-nurture.
    private const int Open = 0, Contacting = 1, Qualified = 2, Disqualified = 3, Renurture = 4;

    /// <summary>When the data was generated (to the minute): every history row lies before it.</summary>
    public DateTime Generated { get; } = new(DateTime.UtcNow.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, DateTimeKind.Utc);

    /// <summary>Creation dates with a density rising linearly to twice the start's over the window (inverse of its distribution).</summary>
    private DateTime Created(Random random)
    {
        var t = -1 + Math.Sqrt(1 + (3 * random.NextDouble()));
        return Generated.AddSeconds(-(1 - t) * HistoryDays * 86_400).AddSeconds(-1);
    }

    /// <summary>
    /// A person under an active category became a lead when created and walks the statuses from
    /// Open (speed to lead: a few days to the first change; some never touched). A person under a
    /// category that is not active either never was a lead (no history, no status), or was one until
    /// its category stopped being active: it keeps the status it had (R6) and ends with a row that
    /// says so (same status, Active = false), as ListService writes when a category turns.
    /// </summary>
    private (int? Status, HistoryData[] Rows) History(Random random, int personId, int owner, DateTime created, bool active)
    {
        var turned = (DateTime?)null;
        if (!active)
        {
            if (random.Next(1_000) >= OnceLeadPerMille)
            {
                return (null, []);
            }

            var after = created.AddDays(Exponential(random, 45));
            turned = after < Generated ? after : Date(random, created, Generated);
        }

        var end = turned ?? Generated;
        const int ui = 1;
        var rows = new List<HistoryData>(4) { new(personId, created, owner, null, lists.DefaultStatus, ui, false, true, true, null) };
        var rank = Open;
        var at = created;
        while (rows.Count < 8 && Step(random, rank) is { } step)
        {
            at = at.AddDays(step.Days);
            if (at >= end)
            {
                break;
            }

            var from = lists.StatusesByRank[rank];
            rows.Add(new(personId, at, owner, from, lists.StatusesByRank[step.Rank], ui, true, true, false, rows[^1].At));
            rank = step.Rank;
        }

        var status = lists.StatusesByRank[rank];
        if (turned is { } t)
        {
            rows.Add(new(personId, t, owner, status, status, ui, true, false, false, rows[^1].At));
        }

        return (status, [.. rows]);
    }

    /// <summary>The next status and after how many days, or null when the lead stays where it is.</summary>
    private static (int Rank, double Days)? Step(Random random, int rank)
    {
        var roll = random.Next(100);
        return rank switch
        {
            Open when roll < 6 => null,
            Open => (roll < 18 ? Disqualified : Contacting, Exponential(random, 3)),
            Contacting => (roll < 40 ? Qualified : roll < 75 ? Disqualified : Renurture, Exponential(random, 9)),
            Qualified when roll < 12 => (Renurture, Exponential(random, 30)),
            Disqualified when roll < 8 => (Renurture, Exponential(random, 60)),
            Renurture when roll < 40 => (Contacting, Exponential(random, 40)),
            _ => null,
        };
    }

    /// <summary>
    /// The history rows in the order the app appends them: by time, a person's rows in their own order (a stable sort).
    /// Written per person instead, a period's rows would lie all over the table, and every range read of the At index
    /// would cost a random page per row, which a real history (ids following time) does not.
    /// </summary>
    public static IEnumerable<HistoryData> InTimeOrder(IEnumerable<HistoryData> rows) => rows.OrderBy(h => h.At);

    /// <summary>The person's "in status since": the last row that changed its status (a category turning does not stamp it).</summary>
    private static DateTime? StatusChangedAt(HistoryData[] rows) =>
        rows.LastOrDefault(h => h.FromId != h.ToId || h.BecameLead) is { PersonId: > 0 } last ? last.At : null;

    private static double Exponential(Random random, double meanDays) => -meanDays * Math.Log(1 - random.NextDouble());
}
