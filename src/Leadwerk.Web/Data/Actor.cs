using Leadwerk.Web.Leads;
using Leadwerk.Web.Users;

namespace Leadwerk.Web.Data;

/// <summary>The user behind a change and the channel it came through (R13).</summary>
public sealed record Actor(int? UserId, Role Role, Channel Channel)
{
    public bool IsAdmin => Role == Role.Admin;

    public static Actor System(Channel channel) => new(null, Role.Admin, channel);
}
