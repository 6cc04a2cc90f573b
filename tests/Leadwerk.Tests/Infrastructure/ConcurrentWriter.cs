using Leadwerk.Web.Data;
using Leadwerk.Web.Persons;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Leadwerk.Tests.Infrastructure;

/// <summary>
/// Makes a race deterministic: when armed for a person, the next save that changes that person
/// is preceded by another connection bumping the row's version, exactly as if a second user had
/// saved in between loading and saving. Unarmed it does nothing.
/// </summary>
public sealed class ConcurrentWriter : SaveChangesInterceptor
{
    private int _personId;

    public void ArmForPerson(int personId) => Interlocked.Exchange(ref _personId, personId);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is LeadwerkDbContext db && _personId != 0)
        {
            var target = db.ChangeTracker.Entries<Person>()
                .FirstOrDefault(e => e.State == EntityState.Modified && e.Entity.Id == _personId);
            if (target is not null && Interlocked.Exchange(ref _personId, 0) != 0)
            {
                await BumpVersion(db, target.Entity.Id, cancellationToken);
            }
        }

        return result;
    }

    private static async Task BumpVersion(LeadwerkDbContext db, int personId, CancellationToken cancellationToken)
    {
        // A second context on its own connection: the other user.
        var factory = db.GetService<IDbContextFactory<LeadwerkDbContext>>();
        await using var other = await factory.CreateDbContextAsync(cancellationToken);
        await other.Persons.Where(p => p.Id == personId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Version, p => p.Version + 1), cancellationToken);
    }
}
