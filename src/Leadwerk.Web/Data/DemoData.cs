using Leadwerk.Web.Companies;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Data;

/// <summary>
/// `--demo`: a deterministic, realistic set of companies and persons with a back-dated lead status
/// history and follow-ups (<see cref="DemoFollowUps"/>), so a newcomer sees a living app. It writes
/// history rows itself (with past dates) instead of through the interceptor, which would stamp them
/// all with today.
/// </summary>
public static class DemoData
{
    private static readonly string[] CompanyStems =
    [
        "Van Dijk", "Bakker", "Jansen", "De Vries", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters", "Hendriks",
        "Northwind", "Contoso", "Fabrikam", "Blue Harbor", "Greenfield", "Redwood", "Silverline", "Oakridge", "Brightwater",
        "Lakeside", "Summit", "Highland",
    ];

    private static readonly string[] CompanyKinds =
        ["Logistiek", "Bouw", "Advies", "Techniek", "Software", "Holdings", "Foods", "Consulting", "Media", "Energy"];

    private static readonly string[] FirstNames =
    [
        "Anna", "Sanne", "Lotte", "Emma", "Fleur", "Daan", "Bram", "Jeroen", "Pieter", "Sem", "Noor", "Eva", "Ruben", "Thijs",
        "Olivia", "James", "Sophie", "Liam", "Charlotte", "Oliver", "Grace", "Henry", "Amelia", "Jack",
    ];

    private static readonly string[] LastNames =
    [
        "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer",
        "Smith", "Johnson", "Williams", "Brown", "Taylor", "Wilson", "Evans", "Thomas", "Walker", "Wright",
    ];

    private static readonly string[] Titles =
        ["Inkoper", "Directeur", "Marketing manager", "Office manager", "CTO", "Head of Sales", "Projectleider", "CFO"];

    private static readonly string[] Countries = ["Nederland", "België", "United Kingdom", "Deutschland"];

    public static async Task<(int Companies, int Persons)> Fill(LeadwerkDbContext db, TimeProvider time)
    {
        var random = new Random(20261126);
        var now = time.GetUtcNow().UtcDateTime;
        var owners = await DemoUsers(db);
        var categories = await db.Categories.Where(c => !c.Deleted).OrderBy(c => c.Rank).ToListAsync();
        var statuses = await db.LeadStatuses.Where(s => !s.Deleted).OrderBy(s => s.Rank).ToListAsync();
        var defaultStatus = statuses.First(s => s.IsDefault);

        var companies = new List<Company>();
        for (var i = 0; i < 48; i++)
        {
            var stem = CompanyStems[i % CompanyStems.Length];
            var kind = CompanyKinds[(i * 7 + 3) % CompanyKinds.Length];
            // Most demo companies are leads, so the lead features have something to show.
            var category = (i % 8) switch
            {
                < 4 => categories[i % 2],
                4 => categories.First(c => c.Group == CategoryGroup.PotentialCustomer && !c.LeadStatusEnabled),
                5 => categories.First(c => c.Group == CategoryGroup.Customer),
                _ => categories[random.Next(categories.Count)],
            };
            var domain = $"{stem}{kind}".Replace(" ", "").ToLowerInvariant();
            companies.Add(new Company
            {
                Name = $"{stem} {kind}",
                Category = category,
                OwnerId = owners[i % owners.Count].Id,
                Email = $"info@{domain}.example",
                Phone = $"+31 20 {random.Next(100, 999)} {random.Next(1000, 9999)}",
                Website = $"https://www.{domain}.example",
                Country = Countries[i % Countries.Length],
                OrgNumber = random.Next(10000000, 99999999).ToString(),
            });
        }

        db.Companies.AddRange(companies);
        await db.SaveChangesAsync();

        var persons = new List<(Person Person, Category? Category)>();
        foreach (var company in companies)
        {
            var count = random.Next(2, 9);
            for (var j = 0; j < count; j++)
            {
                persons.Add((NewPerson(random, company.Id, company.OwnerId, company.Name), company.Category));
            }
        }

        for (var j = 0; j < 20; j++)
        {
            var category = categories[j % 3];
            persons.Add((NewPerson(random, null, owners[j % owners.Count].Id, null), category));
        }

        foreach (var (person, category) in persons)
        {
            person.CategoryId = category?.Id;
        }

        db.Persons.AddRange(persons.Select(p => p.Person));
        await db.SaveChangesAsync();

        foreach (var (person, category) in persons)
        {
            var created = now.AddDays(-random.Next(20, 400));
            await db.Persons.Where(p => p.Id == person.Id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.CreatedAt, created).SetProperty(p => p.UpdatedAt, created));
            if (!LeadRules.IsActive(category) && random.Next(3) > 0)
            {
                continue;
            }

            // A walk through the statuses, back-dated, ending at the person's current status.
            var at = created;
            int? from = null;
            var to = defaultStatus.Id;
            var steps = random.Next(0, 4);
            DateTime? since = null;
            for (var step = 0; step <= steps; step++)
            {
                db.LeadStatusChanges.Add(new LeadStatusChange
                {
                    PersonId = person.Id, At = at, FromId = from, ToId = to, Channel = step == 0 ? Channel.Import : Channel.Ui,
                    UserId = person.OwnerId, WasActive = step > 0, Active = true, BecameLead = step == 0, FromSince = since,
                });
                (from, since) = (to, at);
                to = statuses[random.Next(statuses.Count)].Id;
                at = at.AddDays(random.Next(1, Math.Max(2, (int)(now - at).TotalDays / 2)));
            }

            var final = from;
            var changedAt = since!.Value;
            if (!LeadRules.IsActive(category))
            {
                // Its category stopped being active later: the status is kept (R6), and the history says when.
                db.LeadStatusChanges.Add(new LeadStatusChange
                {
                    PersonId = person.Id, At = changedAt.AddDays(1) < now ? changedAt.AddDays(1) : now, FromId = final, ToId = final, Channel = Channel.Ui,
                    UserId = person.OwnerId, WasActive = true, Active = false, FromSince = changedAt,
                });
            }
            await db.Persons.Where(p => p.Id == person.Id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.LeadStatusId, final).SetProperty(p => p.LeadStatusChangedAt, changedAt));
        }

        await db.SaveChangesAsync();
        await DemoFollowUps.Fill(db, time, random);
        return (companies.Count, persons.Count);
    }

    private static Person NewPerson(Random random, int? companyId, int? ownerId, string? companyName)
    {
        var first = FirstNames[random.Next(FirstNames.Length)];
        var last = LastNames[random.Next(LastNames.Length)];
        var domain = companyName is null ? "mail.example" : companyName.Replace(" ", "").ToLowerInvariant() + ".example";
        return new Person
        {
            CompanyId = companyId,
            FirstName = first,
            LastName = last,
            Email = $"{first}.{last.Replace(" ", "")}@{domain}".ToLowerInvariant(),
            Phone = $"+31 6 {random.Next(10000000, 99999999)}",
            Title = Titles[random.Next(Titles.Length)],
            OwnerId = ownerId,
        };
    }

    private static async Task<List<User>> DemoUsers(LeadwerkDbContext db)
    {
        var hasher = new PasswordHasher<User>();
        foreach (var (userName, display, language) in new[] { ("anna", "Anna de Boer", "nl"), ("james", "James Carter", "en") })
        {
            if (!await db.Users.AnyAsync(u => u.NormalizedUserName == userName.ToUpperInvariant()))
            {
                var user = new User { UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = display, Language = language };
                user.PasswordHash = hasher.HashPassword(user, "leadwerk-demo");
                db.Users.Add(user);
            }
        }

        await db.SaveChangesAsync();
        return await db.Users.Where(u => !u.Disabled).OrderBy(u => u.Id).ToListAsync();
    }
}
