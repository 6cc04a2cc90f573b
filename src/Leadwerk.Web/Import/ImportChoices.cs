namespace Leadwerk.Web.Import;

/// <summary>What the import form has chosen so far, besides the file and the entity.</summary>
public sealed class ImportChoices
{
    public string MatchBy { get; set; } = "email";
    public int? CategoryId { get; set; }
    public int? LeadStatusId { get; set; }
    public int? OwnerId { get; set; }
    public bool Distribute { get; set; }

    public sealed class Column(string header)
    {
        public string Header { get; } = header;
        public string Field { get; set; } = ImportWords.Skip;
    }
}
