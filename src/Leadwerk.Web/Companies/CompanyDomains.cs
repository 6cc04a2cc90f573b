using Leadwerk.Web.Attribution;
using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Companies;

/// <summary>A company's website domain, kept beside the website for matching (R19).</summary>
public static class CompanyDomains
{
    /// <summary>Null without a website; empty for a website without a readable domain, so it is not read again.</summary>
    public static string? Of(string? website) => website is null ? null : Domains.Of(website) ?? "";

    /// <summary>Companies saved before the domain was kept get it at start, without touching their version or audit trail.</summary>
    public static async Task<int> Backfill(LeadwerkDbContext db)
    {
        var done = 0;
        while (true)
        {
            var batch = await db.Companies.AsNoTracking().Where(c => c.Website != null && c.WebsiteDomain == null)
                .OrderBy(c => c.Id).Select(c => new { c.Id, c.Website }).Take(1000).ToListAsync();
            if (batch.Count == 0)
            {
                return done;
            }

            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var company in batch)
            {
                var domain = Of(company.Website);
                await db.Companies.Where(c => c.Id == company.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.WebsiteDomain, domain));
            }

            await transaction.CommitAsync();
            done += batch.Count;
        }
    }
}
