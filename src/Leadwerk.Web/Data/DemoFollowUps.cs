using Leadwerk.Web.FollowUps;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Data;

/// <summary>
/// The demo's follow-ups: most active leads have a next step planned by their owner (some overdue,
/// some today, most in the coming weeks) and many have done ones with an outcome, so My day, the
/// board and the person card have something to show. Added in one save; the persons' follow-up
/// columns are then computed set-based.
/// </summary>
public static class DemoFollowUps
{
    private static readonly (string Type, string Title)[] Plans =
    [
        ("call", "Bel over de offerte"), ("call", "Follow-up call"), ("email", "Send the case study"), ("email", "Prijsvoorstel mailen"),
        ("meeting", "Demo op locatie"), ("meeting", "Kick-off meeting"), ("task", "Prepare proposal"), ("task", "Referenties verzamelen"),
    ];

    private static readonly string[] Outcomes =
    [
        "Interested, wants a demo next month.", "Geen gehoor, voicemail ingesproken.", "Budget confirmed for Q2.",
        "Offerte ontvangen, bespreekt het intern.", "Not the decision maker; introduced us to the CFO.", "Wil eerst een referentie spreken.",
    ];

    public static async Task<int> Fill(LeadwerkDbContext db, TimeProvider time, Random random)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var zone = time.LocalTimeZone;
        var today = UserTime.DayOf(now, zone);
        var types = await db.FollowUpTypes.Where(t => t.Key != null).ToDictionaryAsync(t => t.Key!, t => t.Id);
        var leads = await db.Persons.AsNoTracking().Where(p => p.LeadStatusId != null && p.OwnerId != null).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.OwnerId }).ToListAsync();

        var followUps = new List<FollowUp>();
        foreach (var lead in leads)
        {
            FollowUp New(int day, int? hour)
            {
                var (type, title) = Plans[random.Next(Plans.Length)];
                var start = UserTime.StartOf(today.AddDays(day), zone);
                return new FollowUp
                {
                    PersonId = lead.Id, TypeId = types[type], Title = title, OwnerId = lead.OwnerId, CreatedById = lead.OwnerId,
                    DueAt = hour is { } h ? start.AddHours(h).AddMinutes(random.Next(2) * 30) : start, AllDay = hour is null,
                    DurationMinutes = type == "meeting" ? 60 : hour is null ? null : 15,
                };
            }

            // Done ones first: one or two past steps with how they went.
            for (var i = random.Next(3); i > 0; i--)
            {
                var done = New(-random.Next(3, 60), 9 + random.Next(8));
                (done.CompletedAt, done.CompletedById, done.Outcome) = (done.DueAt.AddHours(random.Next(1, 48)), lead.OwnerId, Outcomes[random.Next(Outcomes.Length)]);
                done.CompletedAt = done.CompletedAt > now ? now : done.CompletedAt;
                followUps.Add(done);
            }

            // About one in five active leads has nothing planned: the "no follow-up planned" case.
            var roll = random.Next(100);
            if (roll < 20)
            {
                continue;
            }

            followUps.Add(roll switch
            {
                < 35 => New(-random.Next(1, 10), 9 + random.Next(8)),
                < 50 => random.Next(2) == 0 ? New(0, null) : New(0, 16),
                < 80 => New(random.Next(1, 8), 9 + random.Next(8)),
                _ => New(random.Next(8, 45), random.Next(3) == 0 ? null : 9 + random.Next(8)),
            });
        }

        db.FollowUps.AddRange(followUps);
        await db.SaveChangesAsync();
        var ids = leads.Select(l => l.Id).ToList();
        await FollowUpPersons.Refresh(db, ids, null);
        await db.Persons.Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.LastActivityAt,
            p => db.FollowUps.Where(f => f.PersonId == p.Id && f.CompletedAt != null).Max(f => f.CompletedAt)));
        return followUps.Count;
    }
}
