using Leadwerk.Web.Lists;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Data;

/// <summary>The lists of SPEC.md §1, in both languages, written once into a new database.</summary>
public static class Seed
{
    public static async Task WriteLists(LeadwerkDbContext db)
    {
        db.LeadStatuses.AddRange(
            Status(1, "Open", "Open", "No outreach yet.", "Nog geen contact opgenomen.", isDefault: true),
            Status(2, "Contacting", "Contact opnemen", "Trying to reach the lead.", "We proberen de lead te bereiken."),
            Status(3, "Qualified", "Gekwalificeerd", "Fits and shows interest; sales can start.", "Past en toont interesse; verkoop kan starten."),
            Status(4, "Disqualified", "Gediskwalificeerd", "Not relevant; will not be contacted again.", "Niet relevant; wordt niet opnieuw benaderd."),
            Status(5, "Re-nurture", "Opnieuw benaderen", "Not ready now; follow up later.", "Nu nog niet klaar; later opvolgen."));

        db.Categories.AddRange(
            Category(1, "Lead", "Lead", CategoryGroup.PotentialCustomer, true, "A person or company that showed interest.", "Een persoon of bedrijf dat interesse toonde."),
            Category(2, "Marketing qualified lead", "Marketinggekwalificeerde lead", CategoryGroup.PotentialCustomer, true,
                "A lead that marketing judged ready for sales.", "Een lead die marketing klaar vindt voor verkoop."),
            Category(3, "Opportunity", "Kans", CategoryGroup.PotentialCustomer, false, "In an active sales process.", "In een actief verkooptraject."),
            Category(4, "Lost opportunity", "Verloren kans", CategoryGroup.Lost, false, "The sale was lost.", "De verkoop is verloren."),
            Category(5, "Customer", "Klant", CategoryGroup.Customer, false, "Buys from us.", "Koopt bij ons."),
            Category(6, "Partner", "Partner", CategoryGroup.Partner, false, "Works with us.", "Werkt met ons samen."),
            Category(7, "Other", "Overig", CategoryGroup.Other, false, "Anything else.", "Al het andere."));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The lost reasons came after the first databases were made: they are written into any
    /// database whose list is empty. Deletes are soft, so an emptied list is never refilled.
    /// </summary>
    public static async Task<bool> EnsureLostReasons(LeadwerkDbContext db)
    {
        if (await db.LostReasons.AnyAsync())
        {
            return false;
        }

        (string En, string Nl)[] reasons =
        [
            ("Price", "Prijs"), ("Competitor chosen", "Concurrent gekozen"), ("No budget", "Geen budget"),
            ("Timing", "Timing"), ("No decision", "Geen besluit"),
        ];
        db.LostReasons.AddRange(reasons.Select((r, i) => new LostReason { Rank = i + 1, NameEn = r.En, NameNl = r.Nl }));
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>The follow-up types (F15), written into any database whose list is empty, like the lost reasons.</summary>
    public static async Task<bool> EnsureFollowUpTypes(LeadwerkDbContext db)
    {
        if (await db.FollowUpTypes.AnyAsync())
        {
            return false;
        }

        (string Key, string En, string Nl)[] types = [("call", "Call", "Bellen"), ("email", "E-mail", "E-mail"), ("meeting", "Meeting", "Afspraak"), ("task", "Task", "Taak")];
        db.FollowUpTypes.AddRange(types.Select((t, i) => new FollowUps.FollowUpType { Rank = i + 1, Key = t.Key, NameEn = t.En, NameNl = t.Nl }));
        await db.SaveChangesAsync();
        return true;
    }

    // Open → Contacting → Qualified is the qualification funnel of the seeded dashboard.
    private static LeadStatus Status(int rank, string en, string nl, string descriptionEn, string descriptionNl, bool isDefault = false) =>
        new()
        {
            Rank = rank, NameEn = en, NameNl = nl, DescriptionEn = descriptionEn, DescriptionNl = descriptionNl, IsDefault = isDefault,
            FunnelStep = rank <= 3,
        };

    private static Category Category(int rank, string en, string nl, CategoryGroup group, bool leadStatus, string descriptionEn, string descriptionNl) =>
        new()
        {
            Rank = rank, NameEn = en, NameNl = nl, Group = group, LeadStatusEnabled = leadStatus,
            DescriptionEn = descriptionEn, DescriptionNl = descriptionNl,
        };
}
