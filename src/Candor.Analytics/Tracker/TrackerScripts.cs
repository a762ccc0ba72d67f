using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Candor.Analytics.Tracker;

/// <summary>One built tracker: its bytes and the ETag that lets a browser revalidate it cheaply.</summary>
public sealed record TrackerScript(byte[] Body, string ETag);

/// <summary>
/// Builds each tracker variant from <see cref="TrackerParts"/> the first time it is asked for and keeps it:
/// at most 2^10 variants exist, and real sites use one or two.
/// </summary>
public sealed class TrackerScripts
{
    private readonly ConcurrentDictionary<string, TrackerScript> _built = new(StringComparer.Ordinal);

    public TrackerScript Get(TrackerVariant variant) => _built.GetOrAdd(variant.Key, _ => Build(variant));

    /// <summary>The JavaScript of a variant (tests measure and run it).</summary>
    public static string Source(TrackerVariant variant)
    {
        var js = new StringBuilder();
        js.Append(TrackerParts.Head.Replace("{LOCAL}", variant.Local ? "1" : "0", StringComparison.Ordinal)
            .Replace("{HASH}", variant.Hash ? "1" : "0", StringComparison.Ordinal)).Append('\n');
        js.Append(TrackerParts.Send.Replace("{EXCLUDED}", variant.Exclusions ? TrackerParts.ExcludedCheck : "", StringComparison.Ordinal)).Append('\n');
        if (variant.Exclusions) js.Append(TrackerParts.Exclusions).Append('\n');
        if (variant.PageviewProps) js.Append(TrackerParts.PageviewProps).Append('\n');
        if (variant.FileDownloads) js.Append(TrackerParts.FileTypes).Append('\n');
        if (variant.OutboundLinks || variant.FileDownloads)
            js.Append(TrackerParts.LinkClicks
                .Replace("{FILES}", variant.FileDownloads ? TrackerParts.FileCheck : "", StringComparison.Ordinal)
                .Replace("{OUTBOUND}", variant.OutboundLinks ? TrackerParts.OutboundCheck : "", StringComparison.Ordinal)).Append('\n');
        if (variant.TaggedEvents) js.Append(TrackerParts.TaggedEvents).Append('\n');
        // The queue is replayed before the first automatic pageview, as Plausible does, so calls made by the
        // page before the script loaded (a 404 goal, say) are sent in the order the page made them.
        js.Append(TrackerParts.Queue).Append('\n');
        if (!variant.Manual)
            js.Append(TrackerParts.Pageviews.Replace("{PROPS}", variant.PageviewProps ? ",Q()" : "", StringComparison.Ordinal)).Append('\n');
        js.Append(TrackerParts.Tail).Append('\n');
        return js.ToString();
    }

    private static TrackerScript Build(TrackerVariant variant)
    {
        var body = Encoding.UTF8.GetBytes(Source(variant));
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 8)) + "\"";
        return new TrackerScript(body, etag);
    }
}
