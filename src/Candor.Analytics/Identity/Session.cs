namespace Candor.Analytics.Identity;

/// <summary>
/// A visit as it stands after an event: the 30-minute rule's running state for one visitor on one site. Entry and
/// exit pages are not kept here: the query layer derives them from the stored events, so memory holds no paths.
/// </summary>
public sealed record Session
{
    public required ulong Id { get; init; }
    public required ulong VisitorId { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset LastEvent { get; init; }
    public required bool IsBounce { get; init; }
    public required int Pageviews { get; init; }
    public required int Events { get; init; }
    public TimeSpan Duration => LastEvent - Start;
}
