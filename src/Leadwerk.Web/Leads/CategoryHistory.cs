using System.Globalization;
using Leadwerk.Web.Automation;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Leads;

/// <summary>
/// A company's category history (R17) as people read it: "Category set to Opportunity by rule
/// “Qualified → Opportunity” after Jan de Vries became Qualified on 3 May".
/// </summary>
public sealed class CategoryHistory(LeadwerkDbContext db)
{
    public async Task<List<CategoryChangeDto>> Of(int companyId)
    {
        if (!await db.Companies.AnyAsync(c => c.Id == companyId))
        {
            throw DomainException.NotFound(L.T("The company was not found.", "Het bedrijf is niet gevonden."));
        }

        var rows = await db.CompanyCategoryChanges.AsNoTracking().Where(c => c.CompanyId == companyId)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Take(500)
            .Select(c => new
            {
                Change = c,
                UserName = db.Users.Where(u => u.Id == c.UserId).Select(u => u.DisplayName).FirstOrDefault(),
                PersonName = c.TriggerPerson == null ? null : (c.TriggerPerson.FirstName + " " + c.TriggerPerson.LastName).Trim(),
                SaleTitle = db.Sales.Where(s => s.Id == c.TriggerSaleId).Select(s => s.Title).FirstOrDefault(),
            })
            .ToListAsync();
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id);
        var statuses = await db.LeadStatuses.AsNoTracking().ToDictionaryAsync(s => s.Id);
        var ruleIds = rows.Select(r => r.Change.RuleId).OfType<int>().Distinct().ToList();
        var rules = await db.AutomationRules.AsNoTracking().Include(r => r.TargetCategory).Where(r => ruleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id);
        return [.. rows.Select(r =>
        {
            var c = r.Change;
            var rule = c.RuleId is { } id && rules.TryGetValue(id, out var found) ? AutomationWords.RuleName(found, statuses) : null;
            var status = c.TriggerStatusId is { } s ? statuses.GetValueOrDefault(s)?.Name : null;
            var from = c.FromCategoryId is { } f ? categories.GetValueOrDefault(f)?.Name : null;
            var to = categories.GetValueOrDefault(c.ToCategoryId)?.Name;
            return new CategoryChangeDto(c.At, c.UserId, r.UserName, c.FromCategoryId, from, c.ToCategoryId, to, c.Channel.ToString().ToLowerInvariant(),
                c.RuleId, rule, c.Trigger?.Key(), c.TriggerPersonId, r.PersonName, c.TriggerStatusId, status, c.TriggerSaleId,
                Text(c, from, to, r.UserName, rule, r.PersonName, status, r.SaleTitle));
        })];
    }

    private static string Text(CompanyCategoryChange c, string? from, string? to, string? user, string? rule, string? person, string? status, string? sale)
    {
        var who = user ?? L.T("the system", "het systeem");
        if (from is null)
        {
            return L.T($"Created in category {to} by {who}", $"Aangemaakt in categorie {to} door {who}");
        }

        if (c.RuleId is null)
        {
            return L.T($"Category set to {to} by {who} ({c.Channel.DisplayName()})", $"Categorie gezet op {to} door {who} ({c.Channel.DisplayName()})");
        }

        var day = c.At.ToString(L.T("d MMMM", "d MMMM"), CultureInfo.CurrentUICulture);
        var after = c.Trigger switch
        {
            AutomationTrigger.SaleRegistered => L.T($" after sale “{sale}” was registered on {day}", $" nadat verkoop “{sale}” werd geregistreerd op {day}"),
            AutomationTrigger.SaleSold => L.T($" after sale “{sale}” was sold on {day}", $" nadat verkoop “{sale}” werd verkocht op {day}"),
            AutomationTrigger.SaleLost => L.T($" after sale “{sale}” was lost on {day}", $" nadat verkoop “{sale}” verloren ging op {day}"),
            _ when person is not null => L.T($" after {person} became {status} on {day}", $" nadat {person} {status} werd op {day}"),
            _ => "",
        };
        var confirmed = c.Channel == Channel.Automation ? "" : L.T($", confirmed by {who}", $", bevestigd door {who}");
        return L.T($"Category set to {to} by rule “{rule}”{after}{confirmed}", $"Categorie gezet op {to} door regel “{rule}”{after}{confirmed}");
    }
}
