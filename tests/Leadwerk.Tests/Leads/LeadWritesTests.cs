using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Bulk;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Persons;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwerk.Tests.Leads;

/// <summary>A bulk batch's persons written one UPDATE per group (issue 6): the same rows, stamps and history as a save.</summary>
public abstract class LeadWritesTests(LeadwerkApp app)
{
    [Fact]
    public async Task PersonsChangedDifferentlyAreWrittenPerGroupWithVersionsStampsAndHistory()
    {
        var ids = await AddPersons(4);
        var statuses = await Read(db => db.LeadStatuses.Where(s => !s.Deleted).OrderBy(s => s.Id).Select(s => s.Id).Take(2).ToListAsync());
        var owner = await Read(db => db.Users.Select(u => u.Id).FirstAsync());
        var before = await Read(db => db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id));

        await Write(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var persons = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync();
            var changes = persons.Take(3).Select(p => new LeadWrites.Change(p, p.LeadStatusId, p.Version)).ToList();
            (persons[0].LeadStatusId, persons[1].LeadStatusId, persons[2].OwnerId) = (statuses[0], statuses[0], owner);
            persons[2].LeadStatusId = statuses[1];
            await LeadWrites.Save(db, changes, DateTime.UtcNow);
            Assert.All(persons.Take(3), p => Assert.Equal(before[p.Id].Version + 1, p.Version));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });

        var after = await Read(db => db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync());
        Assert.Equal([statuses[0], statuses[0], statuses[1], before[ids[3]].LeadStatusId], after.Select(p => p.LeadStatusId));
        Assert.Equal([null, null, owner, null], after.Select(p => p.OwnerId));
        Assert.All(after.Take(3), p => Assert.Equal(before[p.Id].Version + 1, p.Version));
        Assert.All(after.Take(3), p => Assert.True(p.UpdatedAt > before[p.Id].UpdatedAt && p.LeadStatusChangedAt > before[p.Id].UpdatedAt));
        Assert.Equal(before[ids[3]].Version, after[3].Version);

        var history = await Read(db => db.LeadStatusChanges.Where(h => ids.Contains(h.PersonId) && h.Channel == Channel.Bulk).ToListAsync());
        Assert.Equal(3, history.Count);
        Assert.All(history, h => Assert.Equal(before[h.PersonId].LeadStatusId, h.FromId));
        Assert.All(history, h => Assert.Equal(after.Single(p => p.Id == h.PersonId).LeadStatusId, h.ToId));
    }

    [Fact]
    public async Task OutsideATransactionNothingIsWritten()
    {
        var ids = await AddPersons(1);
        var owner = await Read(db => db.Users.Select(u => u.Id).FirstAsync());

        await Assert.ThrowsAsync<InvalidOperationException>(() => Write(async db =>
        {
            var person = await db.Persons.AsNoTracking().SingleAsync(p => p.Id == ids[0]);
            var change = new LeadWrites.Change(person, person.LeadStatusId, person.Version);
            person.OwnerId = owner;
            await LeadWrites.Save(db, [change], DateTime.UtcNow);
        }));

        Assert.Null(await Read(db => db.Persons.Where(p => p.Id == ids[0]).Select(p => p.OwnerId).SingleAsync()));
    }

    [Fact]
    public async Task APersonChangedMeanwhileFailsTheGroupAndTheTransactionWritesNothing()
    {
        var ids = await AddPersons(3);
        var owner = await Read(db => db.Users.Select(u => u.Id).FirstAsync());

        // Read, then changed by someone else, then written: the group's other persons may already
        // be updated when the conflict shows, so the caller's transaction is what undoes them.
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => Write(async db =>
        {
            var persons = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync();
            await Write(other => other.Persons.Where(p => p.Id == ids[1]).ExecuteUpdateAsync(s => s.SetProperty(p => p.Version, p => p.Version + 1)));
            var changes = persons.Select(p => new LeadWrites.Change(p, p.LeadStatusId, p.Version)).ToList();
            persons.ForEach(p => p.OwnerId = owner);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await LeadWrites.Save(db, changes, DateTime.UtcNow);
        }));

        Assert.All(await Read(db => db.Persons.Where(p => ids.Contains(p.Id)).Select(p => p.OwnerId).ToListAsync()), Assert.Null);
    }

    private async Task<List<int>> AddPersons(int count)
    {
        var persons = Enumerable.Range(0, count).Select(i => new Person { FirstName = "Bulk", LastName = $"Write {i}" }).ToList();
        await Write(db =>
        {
            db.Persons.AddRange(persons);
            return db.SaveChangesAsync();
        });
        return persons.Select(p => p.Id).ToList();
    }

    private async Task<T> Read<T>(Func<LeadwerkDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>());
    }

    private async Task Write(Func<LeadwerkDbContext, Task> write)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
        db.Actor.Set(Actor.System(Channel.Bulk));
        await write(db);
    }
}

public sealed class LeadWritesTestsOnSqlite(SqliteApp app) : LeadWritesTests(app), IClassFixture<SqliteApp>;

public sealed class LeadWritesTestsOnPostgres(PostgresApp app) : LeadWritesTests(app), IClassFixture<PostgresApp>;
