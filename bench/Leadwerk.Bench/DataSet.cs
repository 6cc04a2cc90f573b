namespace Leadwerk.Bench;

/// <summary>
/// The deterministic data set: the same seed and sizes give the same rows on every machine and
/// provider. Distributions are skewed like a real CRM's: most companies are potential customers,
/// most leads are still open, and a few companies have about a thousand contacts.
/// </summary>
public sealed partial class DataSet(ListIds lists, int companies, int persons, int seed)
{
    /// <summary>Companies 1..BigCompanies each hold <see cref="BigCompanySize"/> persons (the Contacts tab case).</summary>
    public const int BigCompanies = 3;

    public static readonly DateTime Start = new(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime End = Start.AddYears(3);

    // By category rank: Lead, Marketing qualified lead, Opportunity (potential customer), Lost, Customer, Partner, Other.
    private static readonly int[] CategoryWeights = [30, 15, 10, 10, 20, 5, 10];

    // By lead status rank: Open, Contacting, Qualified, Disqualified, Re-nurture.
    private static readonly int[] StatusWeights = [40, 25, 15, 10, 10];

    private static readonly string[] FirstNames =
    [
        "Anna", "Bram", "Carla", "Daan", "Eva", "Finn", "Gijs", "Hanna", "Isa", "Jan", "Kees", "Lotte", "Milan", "Noor", "Olaf", "Pieter",
        "Quinten", "Roos", "Sanne", "Thijs", "Umar", "Vera", "Willem", "Xander", "Yara", "Zoë", "Emma", "Liam", "Sophie", "Lucas", "Julia",
        "Noah", "Mila", "Sem", "Tess", "Levi", "Sara", "Luuk", "Fleur", "Jesse", "Émile", "Maria", "José", "Ahmed", "Fatima", "Wei", "Yuki",
        "Olga", "Henrik", "Ingrid",
    ];

    private static readonly string[] LastNames =
    [
        "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
        "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf",
        "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek",
        "de Bruijn", "de Bruin", "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven", "Hoekstra", "Maas",
        "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins", "Blom", "Huisman", "Smith", "Johnson", "Williams", "Brown", "Jones",
        "Miller", "Davis", "García", "Müller", "Schmidt", "Öztürk", "Nowak", "Kowalski", "Rossi", "Dubois", "Lefèvre", "Andersson",
        "Nielsen", "Novák", "Horváth",
    ];

    private static readonly string[] Titles = ["CEO", "CTO", "Sales manager", "Buyer", "Office manager", "Engineer", "Consultant", "Director"];
    private static readonly string[] Countries = ["Netherlands", "Belgium", "Germany", "France", "United Kingdom", "Denmark", "Spain", "Poland"];
    private static readonly string[] CompanyWords =
        ["Solutions", "Group", "Holding", "Partners", "Systems", "Logistics", "Bouw", "Techniek", "Advies", "Media", "Foods", "Energy"];

    private readonly int[] _companyCategories = new int[companies + 1];

    public int Companies => companies;
    public int Persons => persons;
    public int BigCompanySize { get; } = Math.Max(1, Math.Min(1_000, persons / 20));

    public IEnumerable<CompanyData> CompanyRows()
    {
        var random = new Random(seed);
        for (var id = 1; id <= companies; id++)
        {
            var category = id <= BigCompanies ? lists.CategoriesByRank[0] : lists.CategoriesByRank[Pick(random, CategoryWeights)];
            _companyCategories[id] = category;
            var word = CompanyWords[random.Next(CompanyWords.Length)];
            var name = $"{LastNames[random.Next(LastNames.Length)]} {word} {id}";
            var domain = $"company{id}.example";
            yield return new CompanyData(
                id, name, category, Owner(random), $"info@{domain}", Phone(random), $"https://www.{domain}",
                Countries[Pick(random, [50, 15, 12, 8, 6, 3, 3, 3])], $"KVK{10_000_000 + id}", Date(random, Start, End));
        }
    }

    /// <summary>
    /// Persons, their lead status history and their follow-ups; the companies must have been enumerated first.
    /// Persons are created over the <see cref="HistoryDays"/> before <see cref="Generated"/> (see DataSet.History.cs).
    /// </summary>
    public IEnumerable<(PersonData Person, HistoryData[] History, FollowUpData[] FollowUps)> PersonRows()
    {
        var random = new Random(seed + 1);
        // A stream of its own, so the persons and their history are those of data sets without follow-ups.
        var followUpRandom = new Random(seed + 2);
        var inBigCompanies = BigCompanies * BigCompanySize;
        for (var id = 1; id <= persons; id++)
        {
            int? companyId = id <= inBigCompanies ? ((id - 1) / BigCompanySize) + 1
                : random.Next(100) < 95 ? random.Next(1, companies + 1) : null;
            var category = companyId is { } c ? _companyCategories[c] : lists.CategoriesByRank[Pick(random, CategoryWeights)];
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var created = Created(random);
            var owner = Owner(random);
            var active = lists.ActiveCategories.Contains(category);
            var (status, history) = History(random, id, owner, created, active);
            var email = $"{Ascii(first)}.{Ascii(last)}{id}@mail{id % 500}.example";
            var followUps = FollowUps(followUpRandom, id, owner, active && status is not null, created);
            var (next, open, activity) = Columns(followUps);
            var person = new PersonData(
                id, companyId, first, last, email, random.Next(100) < 70 ? Phone(random) : null,
                random.Next(100) < 60 ? Titles[random.Next(Titles.Length)] : null, owner, category, status, StatusChangedAt(history), created,
                next, open, activity);
            yield return (person, history, followUps);
        }
    }

    private int Owner(Random random) => lists.Users[random.Next(lists.Users.Count)];

    private static string Phone(Random random) => $"+31 6 {random.Next(10_000_000, 99_999_999)}";

    private static DateTime Date(Random random, DateTime from, DateTime to)
    {
        var seconds = (long)(to - from).TotalSeconds;
        return from.AddSeconds(seconds <= 0 ? 0 : random.NextInt64(seconds));
    }

    private static int Pick(Random random, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static string Ascii(string name) =>
        new(name.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetter).ToArray());
}
