using Leadwerk.Web.Common;

namespace Leadwerk.Web.Lists;

/// <summary>
/// An item of a plain bilingual admin list (lost reasons, follow-up types): names in both
/// languages, a rank, soft delete (R9) and names unique per language (R10).
/// </summary>
public interface INamedListItem : IAuditable
{
    int Id { get; }
    string NameEn { get; set; }
    string NameNl { get; set; }
    int Rank { get; set; }
    bool Deleted { get; set; }
}

/// <summary>How one named list is called in the audit log and in its messages.</summary>
/// <param name="AuditKind">"lostReason": actions are list.lostReason.created and so on.</param>
public sealed record NamedList(string AuditKind, Func<string> NotFoundMessage);
