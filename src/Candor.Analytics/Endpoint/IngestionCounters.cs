namespace Candor.Analytics.Endpoint;

/// <summary>
/// What the endpoint turned away, by reason: the numbers an operator (and a test) can read to see that Global
/// Privacy Control, unknown domains and back-pressure are doing what they should. Counts only, never requests.
/// </summary>
public sealed class IngestionCounters
{
    private long _accepted;
    private long _globalPrivacyControl;
    private long _unknownSite;
    private long _refused;

    /// <summary>Events queued for the store (a 202 without a drop).</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Requests dropped because the browser sent <c>Sec-GPC: 1</c>.</summary>
    public long GlobalPrivacyControl => Interlocked.Read(ref _globalPrivacyControl);

    /// <summary>Events dropped because their domain is not a configured site (or an engagement had no live session).</summary>
    public long UnknownSite => Interlocked.Read(ref _unknownSite);

    /// <summary>Events answered 503 because the buffer was full.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Events dropped as coming from a bot, referrer spam, or engagement with no live session.</summary>
    public long Classified => Interlocked.Read(ref _classified);
    private long _classified;

    internal void AddAccepted(int n) => Interlocked.Add(ref _accepted, n);
    internal void AddGlobalPrivacyControl() => Interlocked.Increment(ref _globalPrivacyControl);
    internal void AddUnknownSite(int n) => Interlocked.Add(ref _unknownSite, n);
    internal void AddRefused(int n) => Interlocked.Add(ref _refused, n);
    internal void AddClassified(int n) => Interlocked.Add(ref _classified, n);
}
