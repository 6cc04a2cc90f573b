using Leadwerk.Web.Distribution;
using static Leadwerk.Web.Distribution.Fairness;

namespace Leadwerk.Tests.Distribution;

public sealed class FairnessTests
{
    [Fact]
    public void OverTenThousandLeadsEveryMembersShareStaysWithinOneLeadOfItsWeightAfterEachLead()
    {
        var weights = new Dictionary<int, int> { [1] = 5, [2] = 3, [3] = 1, [4] = 1 };
        var seats = weights.Select(w => new Seat(w.Key, w.Value, 0, true)).ToList();
        var counts = weights.Keys.ToDictionary(k => k, _ => 0);
        var total = weights.Values.Sum();

        for (var n = 1; n <= 10_000; n++)
        {
            var (chosen, after) = Next(seats);
            counts[chosen!.Value]++;
            seats = [.. after];
            foreach (var (user, weight) in weights)
            {
                var share = (double)weight * n / total;
                Assert.True(Math.Abs(counts[user] - share) < 1, $"after {n} leads user {user} has {counts[user]}, its share is {share:0.00}");
            }
        }
    }

    [Fact]
    public void AMemberBackFromAwayIsNotFloodedAndNobodyTakesALeadWhileAway()
    {
        var random = new Random(7);
        var seats = new List<Seat> { new(1, 2, 0, true), new(2, 1, 0, true), new(3, 1, 0, true) };
        for (var round = 0; round < 200; round++)
        {
            // A random member goes away for a while; while away it gets nothing.
            var away = random.Next(1, 4);
            seats = [.. seats.Select(s => s with { Available = s.UserId != away })];
            for (var i = 0; i < random.Next(1, 30); i++)
            {
                var (chosen, after) = Next(seats);
                Assert.NotEqual(away, chosen);
                seats = [.. after];
            }

            // Back: over the next leads it gets no more than its share plus one.
            seats = [.. seats.Select(s => s with { Available = true })];
            var weight = seats.Single(s => s.UserId == away).Weight;
            var got = 0;
            for (var n = 1; n <= 12; n++)
            {
                var (chosen, after) = Next(seats);
                got += chosen == away ? 1 : 0;
                seats = [.. after];
                Assert.True(got <= (double)weight * n / 4 + 1, $"round {round}: back from away, {got} of the next {n} leads");
            }
        }
    }

    [Fact]
    public void NobodyAvailableTakesNoLeadAndChangesNoCredit()
    {
        var seats = new List<Seat> { new(1, 2, 3, false), new(2, 1, -3, false) };

        var (chosen, after) = Next(seats);

        Assert.Null(chosen);
        Assert.Equal(seats, after);
    }
}
