namespace Candor.Server.Snapshot;

/// <summary>
/// The entity tag of a site file, computed exactly as ASP.NET Core's static file middleware computes it (last
/// write time to the second XOR length, in hex), so the snapshot, the disk path and the ad-free copy on the disk
/// path all hand out validators that agree with each other.
/// </summary>
internal static class FileETag
{
    /// <summary>The suffix of the ad-free body's tag: a 304 must never confirm the other body.</summary>
    public const string AlternateSuffix = "-alt";

    /// <summary>Truncated to the second, as HTTP dates are (and as the static file middleware does).</summary>
    public static DateTimeOffset LastModified(DateTime lastWriteUtc)
    {
        var last = new DateTimeOffset(lastWriteUtc);
        return new DateTimeOffset(last.Year, last.Month, last.Day, last.Hour, last.Minute, last.Second, last.Offset).ToUniversalTime();
    }

    public static string For(DateTimeOffset lastModified, long length, string suffix = "") =>
        "\"" + Convert.ToString(lastModified.ToFileTime() ^ length, 16) + suffix + "\"";
}
