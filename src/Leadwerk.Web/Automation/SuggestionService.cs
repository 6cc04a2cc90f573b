using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Automation;

/// <summary>`{ "token", "kind": "companyCategory", "companyId", "fromCategoryId", "toCategoryId", "ruleId", "expiresAt" }` and names to show.</summary>
public sealed record SuggestionDto(
    string Token, string Kind, int CompanyId, string CompanyName, int FromCategoryId, string? From, int ToCategoryId, string? To,
    int RuleId, string Rule, DateTime CreatedAt, DateTime ExpiresAt);

/// <summary>`categoryId` picks another category than the one proposed.</summary>
public sealed record AcceptSuggestion(int? CategoryId);

/// <summary>The suggestions of rules with askUser (R16): listed for their user, accepted or dismissed by them.</summary>
public sealed class SuggestionService(LeadwerkDbContext db, LeadAutomation automation, TimeProvider time)
{
    public async Task<List<SuggestionDto>> Open(Actor user, bool mine)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var open = db.Suggestions.AsNoTracking().Include(s => s.Company)
            .Where(s => s.State == SuggestionState.Open && s.ExpiresAt > now && (s.UserId == user.UserId || (!mine && user.IsAdmin)));
        return await Describe(await open.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Take(200).ToListAsync());
    }

    public async Task<int> OpenCount(int userId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Suggestions.CountAsync(s => s.UserId == userId && s.State == SuggestionState.Open && s.ExpiresAt > now);
    }

    /// <summary>
    /// Moves the company to the proposed category (or the one picked) through the lead rules, as
    /// the user's own change confirming the rule; refused when the company moved meanwhile.
    /// </summary>
    public async Task Accept(string token, AcceptSuggestion? choice, Actor user)
    {
        var suggestion = await Find(token, user);
        var company = await db.Companies.Include(c => c.Category).FirstAsync(c => c.Id == suggestion.CompanyId);
        if (company.CategoryId != suggestion.FromCategoryId)
        {
            throw DomainException.Conflict(AutomationErrors.SuggestionOutdated, L.T(
                $"“{company.Name}” is no longer in the category the suggestion started from; it was not changed.",
                $"“{company.Name}” staat niet meer op de categorie waar de suggestie van uitging; het is niet gewijzigd."));
        }

        var targetId = choice?.CategoryId ?? suggestion.ToCategoryId;
        var target = await db.Categories.FirstOrDefaultAsync(c => c.Id == targetId);
        var verdict = LeadRules.CompanyCategoryChange(company, targetId, target, user.Channel).ThrowIfRefused();
        if (verdict.IsAllowed)
        {
            var person = suggestion.TriggerPersonId is { } id ? await db.Persons.FirstOrDefaultAsync(p => p.Id == id) : null;
            await automation.Apply(company, target!, new ChangeCause(
                suggestion.RuleId, suggestion.Trigger, person, suggestion.TriggerStatusId, suggestion.TriggerSaleId, ConfirmedByUser: true));
        }

        await Resolve(suggestion, SuggestionState.Accepted);
    }

    public async Task Dismiss(string token, Actor user) => await Resolve(await Find(token, user), SuggestionState.Dismissed);

    public async Task<List<SuggestionDto>> Describe(IEnumerable<Suggestion> suggestions)
    {
        var list = suggestions.ToList();
        if (list.Count == 0)
        {
            return [];
        }

        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id);
        var statuses = await db.LeadStatuses.AsNoTracking().ToDictionaryAsync(s => s.Id);
        var ruleIds = list.Select(s => s.RuleId).Distinct().ToList();
        var rules = await db.AutomationRules.AsNoTracking().Include(r => r.TargetCategory).Where(r => ruleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id);
        return [.. list.Select(s => new SuggestionDto(
            s.Token, "companyCategory", s.Company.Id, s.Company.Name, s.FromCategoryId, categories.GetValueOrDefault(s.FromCategoryId)?.Name,
            s.ToCategoryId, categories.GetValueOrDefault(s.ToCategoryId)?.Name, s.RuleId,
            rules.TryGetValue(s.RuleId, out var rule) ? AutomationWords.RuleName(rule, statuses) : "", s.CreatedAt, s.ExpiresAt))];
    }

    private async Task Resolve(Suggestion suggestion, SuggestionState state)
    {
        suggestion.State = state;
        suggestion.ResolvedAt = time.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict(ErrorCodes.ConcurrencyConflict, L.T(
                "Someone else changed this company at the same time. Reload and try again.",
                "Iemand anders wijzigde dit bedrijf tegelijkertijd. Laad opnieuw en probeer het nog eens."));
        }
    }

    /// <summary>A user sees and answers only their own suggestions; an expired or answered one is gone.</summary>
    private async Task<Suggestion> Find(string token, Actor user)
    {
        var suggestion = token.Length > 64 ? null
            : await db.Suggestions.FirstOrDefaultAsync(s => s.Token == token && (s.UserId == user.UserId || user.IsAdmin));
        if (suggestion is null || suggestion.State != SuggestionState.Open || suggestion.ExpiresAt <= time.GetUtcNow().UtcDateTime)
        {
            throw DomainException.NotFound(L.T(
                "The suggestion was not found, was answered already or has expired.",
                "De suggestie is niet gevonden, is al beantwoord of is verlopen."));
        }

        return suggestion;
    }
}

public static class AutomationErrors
{
    public const string SuggestionOutdated = "suggestionOutdated";
}
