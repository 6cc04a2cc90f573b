using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwerk.Tests.Search;

/// <summary>
/// SQLite's trigram table for "e-mail contains" (issue 6): the triggers keep it equal to the
/// persons, so the rewritten query finds exactly what the plain LIKE finds.
/// </summary>
public sealed class EmailTrigramTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task EmailContainsThroughTheTrigramTableFollowsEveryInsertChangeAndDelete()
    {
        var token = "q" + Guid.NewGuid().ToString("N")[..8];
        var kept = await AddPerson($"Kept.{token}@Example.com");
        var changed = await AddPerson($"changed.{token}@example.com");
        var deleted = await AddPerson($"deleted.{token}@example.com");
        await AddPerson("nobody@example.com");
        Assert.Equal([kept, changed, deleted], await Contains(token));

        await Write(db => db.Persons.Where(p => p.Id == changed).ExecuteUpdateAsync(s => s.SetProperty(p => p.Email, "other@example.com")
            .SetProperty(p => p.EmailKey, "other@example.com")));
        await Write(db => db.Persons.Where(p => p.Id == deleted).ExecuteDeleteAsync());
        var renamed = await AddPerson("nobody.yet@example.com");
        await Write(async db =>
        {
            var person = await db.Persons.SingleAsync(p => p.Id == renamed);
            person.Email = $"Now.{token.ToUpperInvariant()}@Other.example";
            return await db.SaveChangesAsync();
        });

        Assert.Equal([kept, renamed], await Contains(token));
        Assert.Equal([kept], await Contains($"kept.{token}"));
        Assert.Equal([renamed], await Contains($"{token}@other.example", Operators.EndsWith));
    }

    [Fact]
    public async Task EmailContainsTakesTheTrigramTableOnlyForTextOfThreeOrMoreCharacters()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();

        Assert.Contains(EmailTrigrams.Table, Rewritten(db, "jansen").ToQueryString());
        Assert.DoesNotContain(EmailTrigrams.Table, Rewritten(db, "ja").ToQueryString());
        Assert.DoesNotContain(EmailTrigrams.Table, Rewritten(db, "jansen", Operators.NotContains).ToQueryString());
    }

    [Theory]
    [InlineData("%abc%", "*abc*")]
    [InlineData("%abc", "*abc")]
    [InlineData("%a\\_b\\%%", "*a_b%*")]
    [InlineData("%a*b?[%", "*a[*]b[?][[]*")]
    [InlineData("%ab%", null)]
    [InlineData("abc%", null)]
    [InlineData("%a_bc%", null)]
    public void TheLikePatternBecomesTheSameGlobPattern(string like, string? glob) => Assert.Equal(glob, EmailTrigrams.Glob(like));

    private async Task<int> AddPerson(string email) => await Write(async db =>
    {
        var person = new Person { FirstName = "Trigram", LastName = "Test", Email = email };
        db.Persons.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    });

    private async Task<T> Write<T>(Func<LeadwerkDbContext, Task<T>> write)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
        db.Actor.Set(Actor.System(Channel.Api));
        return await write(db);
    }

    private async Task<List<int>> Contains(string text, string op = Operators.Contains)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
        var rewritten = Rewritten(db, text, op);
        Assert.Contains(EmailTrigrams.Table, rewritten.ToQueryString());
        return await rewritten.Select(p => p.Id).OrderBy(id => id).ToListAsync();
    }

    private IQueryable<Person> Rewritten(LeadwerkDbContext db, string text, string op = Operators.Contains)
    {
        var criteria = Criteria.For(Entities.Person, CriteriaLine.Of("person.email", op, text));
        var query = db.Persons.Where(app.Services.GetRequiredService<CriteriaCompiler>().Compile<Person>(criteria, null));
        return query.Provider.CreateQuery<Person>(EmailTrigrams.Use(query.Expression, db));
    }
}
