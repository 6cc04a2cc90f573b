namespace Leadwerk.Bench;

/// <summary>
/// The follow-ups (F15), dated around <see cref="FollowUpsFrom"/> (the day the data is generated,
/// so My day has overdue, today and coming ones when the benchmark runs that day). Most active
/// leads have one open follow-up of their owner and many a done one; besides, the My day user
/// (<see cref="MyDayOwner"/>) owns <see cref="MyDayOpen"/> open follow-ups spread over the persons.
/// </summary>
public sealed partial class DataSet
{
    public const int MyDayOpen = 5_000;

    private static readonly string[] FollowUpTitles = ["Call back", "Send the quote", "Demo", "Check the proposal", "Introduce the CFO"];

    public DateTime FollowUpsFrom { get; } = DateTime.UtcNow.Date;

    /// <summary>User 1, the administrator the benchmark runs as.</summary>
    public int MyDayOwner => lists.Users[0];

    private int MyDayStride => Math.Max(1, persons / MyDayOpen);

    private FollowUpData[] FollowUps(Random random, int personId, int owner, bool activeLead, DateTime created)
    {
        var rows = new List<FollowUpData>(3);
        if (personId % MyDayStride == 0 && personId / MyDayStride <= MyDayOpen)
        {
            // 10 % overdue, 5 % today, 25 % in the next 7 days, the rest up to half a year ahead.
            var roll = random.Next(100);
            var day = roll switch
            {
                < 10 => -random.Next(1, 31),
                < 15 => 0,
                < 40 => random.Next(1, 8),
                _ => random.Next(8, 181),
            };
            rows.Add(FollowUp(random, personId, MyDayOwner, day, created, done: false));
        }

        if (activeLead)
        {
            // The My day user's own leads are looked after by the next user, so it has exactly MyDayOpen open ones.
            owner = owner == MyDayOwner ? lists.Users[1 % lists.Users.Count] : owner;
            var roll = random.Next(100);
            if (roll < 60)
            {
                rows.Add(FollowUp(random, personId, owner, random.Next(-20, 61), created, done: false));
            }

            if (roll is >= 30 and < 70)
            {
                rows.Add(FollowUp(random, personId, owner, -random.Next(1, 120), created, done: true));
            }
        }

        return [.. rows];
    }

    private FollowUpData FollowUp(Random random, int personId, int owner, int day, DateTime created, bool done)
    {
        var allDay = random.Next(5) == 0;
        var due = FollowUpsFrom.AddDays(day).AddHours(allDay ? 0 : 8 + random.Next(10)).AddMinutes(allDay ? 0 : random.Next(4) * 15);
        var typeId = lists.FollowUpTypes[random.Next(lists.FollowUpTypes.Count)];
        return new FollowUpData(personId, typeId, FollowUpTitles[random.Next(FollowUpTitles.Length)], due, allDay, allDay ? null : 30, owner,
            done ? due.AddHours(random.Next(1, 24)) : null, done ? "Spoke to them; next step agreed." : null, created < due ? created : due.AddDays(-7));
    }

    /// <summary>The person's columns as FollowUpPersons.Refresh computes them (last activity: the latest done one).</summary>
    private static (DateTime? Next, int Open, DateTime? LastActivity) Columns(FollowUpData[] followUps)
    {
        var open = followUps.Where(f => f.CompletedAt is null).ToList();
        return (open.Count == 0 ? null : open.Min(f => f.DueAt), open.Count, followUps.Max(f => f.CompletedAt));
    }
}
