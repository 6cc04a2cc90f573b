namespace Leadwerk.Web.Common;

/// <summary>Stamps and optimistic-concurrency version, maintained by the save interceptor.</summary>
public interface IAuditable
{
    DateTime CreatedAt { get; set; }
    DateTime UpdatedAt { get; set; }
    int Version { get; set; }
}
