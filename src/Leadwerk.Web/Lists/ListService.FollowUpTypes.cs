using Leadwerk.Web.FollowUps;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Lists;

/// <summary>The list "Follow-up types" (F15); the four seeded types keep their keys whatever their names become.</summary>
public sealed partial class ListService
{
    private static readonly NamedList FollowUpTypeList =
        new("followUpType", () => L.T("The follow-up type was not found.", "De soort vervolgactie is niet gevonden."));

    public Task<List<FollowUpType>> FollowUpTypes(bool includeDeleted = false) => Items(db.FollowUpTypes, includeDeleted);

    public Task<FollowUpType> FollowUpType(int id) => Item(db.FollowUpTypes, FollowUpTypeList, id);

    public Task<FollowUpType> CreateFollowUpType(FollowUpTypeRequest request) =>
        CreateItem(db.FollowUpTypes, FollowUpTypeList, request.Name, request.Names, request.Rank);

    public Task<FollowUpType> UpdateFollowUpType(int id, FollowUpTypeRequest request, int? expectedVersion) =>
        UpdateItem(db.FollowUpTypes, FollowUpTypeList, id, request.Name, request.Names, request.Rank, expectedVersion);

    public Task DeleteFollowUpType(int id, int? expectedVersion) => DeleteItem(db.FollowUpTypes, FollowUpTypeList, id, expectedVersion);

    public Task<FollowUpType> RestoreFollowUpType(int id) => RestoreItem(db.FollowUpTypes, FollowUpTypeList, id);

    public Task MoveFollowUpType(int id, bool up, bool includeDeleted = true) => MoveItem(db.FollowUpTypes, FollowUpTypeList, id, up, includeDeleted);
}
