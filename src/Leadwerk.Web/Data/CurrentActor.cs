using Leadwerk.Web.Leads;

namespace Leadwerk.Web.Data;

/// <summary>
/// The actor of every change made in one DI scope: set once, by the request pipeline for an API
/// call (<see cref="ActorMiddleware"/>), by <see cref="Components.UiActions"/> for a UI action, or by
/// a background job for its batch. The history (R13) reads it from here, so no service passes it on
/// and no caller can swap it in the middle of a change.
/// </summary>
public sealed class CurrentActor
{
    private readonly Dictionary<object, ChangeCause> _causes = new(ReferenceEqualityComparer.Instance);
    private Actor? _actor;

    public Actor Value => _actor ?? throw new InvalidOperationException(
        "A change was made without an actor for this scope; every change needs a user and a channel (R13).");

    public bool IsSet => _actor is not null;

    /// <summary>The run a job batch works for (bulk update, import, or their undo); its history rows name it.</summary>
    public JobRef? Job { get; private set; }

    /// <summary>Marks this scope as a batch of <paramref name="job"/>; set once, with the actor.</summary>
    public CurrentActor For(JobRef job)
    {
        Job = Job is null || Job == job ? job : throw new InvalidOperationException($"This scope already works for {Job}.");
        return this;
    }

    /// <summary>R20: the source records created in this scope get when the channel alone does not say it (a form names itself).</summary>
    public string? RecordSource { get; set; }

    public CurrentActor Set(Actor actor)
    {
        if (_actor is not null && _actor != actor)
        {
            throw new InvalidOperationException($"The actor of this scope is already {_actor}; it is set once per request, UI action or job batch.");
        }

        _actor = actor;
        return this;
    }

    /// <summary>A rule changed this company or person in this unit of work (R15, R17); the history names it.</summary>
    public void Because(object entity, ChangeCause cause) => _causes[entity] = cause;

    public ChangeCause? CauseOf(object entity) => _causes.GetValueOrDefault(entity);

    /// <summary>A rule's own change comes through channel automation; one a user confirmed, through the user's channel.</summary>
    public Channel ChannelOf(object entity) => CauseOf(entity) is { ConfirmedByUser: false } ? Channel.Automation : Value.Channel;

    /// <summary>
    /// Set when this scope's context wrote to the database (<see cref="WriteMarker"/>): a screen reads
    /// its own write back from the primary for a while, not from a replica that may lag.
    /// </summary>
    public bool Wrote { get; internal set; }

    /// <summary>For code that works on a context of its own outside a DI scope (data generators, tests).</summary>
    public static CurrentActor Of(Actor actor) => new CurrentActor().Set(actor);
}

/// <summary>Marks an endpoint group whose changes come through another channel than the plain API (board, bulk, import).</summary>
public sealed record ChannelMetadata(Channel Channel);

/// <summary>Sets the actor of an API request: the logged-in user, on the channel its endpoint declares (API by default).</summary>
public static class ActorMiddleware
{
    public static IApplicationBuilder UseRequestActor(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated == true && http.Request.Path.StartsWithSegments("/api"))
        {
            var channel = http.GetEndpoint()?.Metadata.GetMetadata<ChannelMetadata>()?.Channel ?? Channel.Api;
            http.RequestServices.GetRequiredService<CurrentActor>().Set(Common.ApiSupport.ToActor(http.User, channel));
        }

        return next(http);
    });

    public static TBuilder OnChannel<TBuilder>(this TBuilder builder, Channel channel) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ChannelMetadata(channel));
}
