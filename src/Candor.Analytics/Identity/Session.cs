namespace Candor.Analytics.Identity;

/// <summary>A visit as it stands after an event: the 30-minute rule's running state for one visitor on one site.</summary>
public sealed record Session
{
    public required ulong Id { get; init; }
    public required ulong VisitorId { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset LastEvent { get; init; }
    /// <summary>The first pageview's path; null while the session has only custom events.</summary>
    public string? EntryPage { get; init; }
    /// <summary>The latest pageview's path.</summary>
    public string? ExitPage { get; init; }
    public required bool IsBounce { get; init; }
    public required int Pageviews { get; init; }
    public required int Events { get; init; }
    public TimeSpan Duration => LastEvent - Start;
}
