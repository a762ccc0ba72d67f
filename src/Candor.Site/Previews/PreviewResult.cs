namespace Candor.Site.Previews;

public enum PreviewStatus
{
    Fetched,
    AlreadyThere,
    Failed,
}

/// <summary>What happened to one video's preview; <paramref name="Reason"/> says why it failed.</summary>
public sealed record PreviewResult(string Id, PreviewStatus Status, string? Reason = null)
{
    public override string ToString() => Status switch
    {
        PreviewStatus.Fetched => $"{Id}: fetched",
        PreviewStatus.AlreadyThere => $"{Id}: already there",
        _ => $"{Id}: failed: {Reason}",
    };
}
