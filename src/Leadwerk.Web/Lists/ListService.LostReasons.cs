using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Lists;

/// <summary>The list "Lost reasons" (F16).</summary>
public sealed partial class ListService
{
    private static readonly NamedList LostReasonList =
        new("lostReason", () => L.T("The lost reason was not found.", "De reden van verlies is niet gevonden."));

    public Task<List<LostReason>> LostReasons(bool includeDeleted = false) => Items(db.LostReasons, includeDeleted);

    public Task<LostReason> LostReason(int id) => Item(db.LostReasons, LostReasonList, id);

    public Task<LostReason> CreateLostReason(LostReasonRequest request) =>
        CreateItem(db.LostReasons, LostReasonList, request.Name, request.Names, request.Rank);

    public Task<LostReason> UpdateLostReason(int id, LostReasonRequest request, int? expectedVersion) =>
        UpdateItem(db.LostReasons, LostReasonList, id, request.Name, request.Names, request.Rank, expectedVersion);

    public Task DeleteLostReason(int id, int? expectedVersion) => DeleteItem(db.LostReasons, LostReasonList, id, expectedVersion);

    public Task<LostReason> RestoreLostReason(int id) => RestoreItem(db.LostReasons, LostReasonList, id);

    public Task MoveLostReason(int id, bool up, bool includeDeleted = true) => MoveItem(db.LostReasons, LostReasonList, id, up, includeDeleted);
}
