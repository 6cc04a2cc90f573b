namespace Leadwerk.Web.Licensing;

/// <summary>
/// The edition as this process last read or wrote it, for gates that run where no database read can
/// be awaited (the criteria compiler). Set at start and on every licence read and change, so an
/// admin's change holds at once in this process.
/// </summary>
public sealed class LicenceState
{
    /// <summary>The signal with the new edition, for the other instances (<see cref="Cluster.ClusterSignals"/>).</summary>
    public const string Topic = "licence";

    private volatile string _edition = Editions.SalesEssentials;

    public LicenceState(Cluster.ClusterSignals cluster) => cluster.On(Topic, edition =>
    {
        if (Editions.Known(edition))
        {
            Edition = edition;
        }
    });

    public string Edition
    {
        get => _edition;
        set => _edition = Editions.Known(value) ? value : Editions.SalesEssentials;
    }

    public bool Holds(string feature) => Features.In(feature, _edition);

    /// <summary>Refuses, with the edition it needs, a feature the licence does not hold.</summary>
    public void Require(string feature)
    {
        if (!Holds(feature))
        {
            throw new FeatureNotInEditionException(feature, Features.RequiredEdition(feature));
        }
    }
}
