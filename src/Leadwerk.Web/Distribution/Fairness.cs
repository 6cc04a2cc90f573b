namespace Leadwerk.Web.Distribution;

/// <summary>
/// Smooth weighted round robin. Each lead, every available member earns its weight in credit; the
/// one with the most takes the lead and pays the available weights' sum. Credits then always sum to
/// zero and stay within one sum of weights of it, so after n leads each member's count is within one
/// lead of weight/sum × n. A member who is away earns nothing and pays nothing: back, it finds its
/// credit where it left it (less than one lead of catching up), so it is not flooded.
/// </summary>
public static class Fairness
{
    public sealed record Seat(int UserId, int Weight, int Credit, bool Available);

    /// <summary>Who takes the next lead (null when nobody is available), and every member's credit after.</summary>
    public static (int? UserId, IReadOnlyList<Seat> After) Next(IReadOnlyList<Seat> seats)
    {
        var available = seats.Where(s => s.Available && s.Weight > 0).ToList();
        if (available.Count == 0)
        {
            return (null, seats);
        }

        var total = available.Sum(s => s.Weight);
        var earned = seats.Select(s => s.Available && s.Weight > 0 ? s with { Credit = s.Credit + s.Weight } : s).ToList();
        // Most credit first; a tie goes to the heavier weight, then the lower user id, so a replay picks the same.
        var chosen = earned.Where(s => s.Available && s.Weight > 0)
            .OrderByDescending(s => s.Credit).ThenByDescending(s => s.Weight).ThenBy(s => s.UserId).First();
        return (chosen.UserId, [.. earned.Select(s => s.UserId == chosen.UserId ? s with { Credit = s.Credit - total } : s)]);
    }
}
