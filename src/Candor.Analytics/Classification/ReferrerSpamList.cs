namespace Candor.Analytics.Classification;

/// <summary>
/// Hosts known to send referrer spam. Plausible's rule: the referrer's host with <c>www.</c> removed must equal
/// a listed host exactly (no subdomain or substring matching, so a real site is never caught by accident).
/// The default list is <c>referrer-spam.txt</c>, embedded in this assembly and maintained with the code.
/// </summary>
public sealed class ReferrerSpamList
{
    private readonly HashSet<string> _hosts;

    private ReferrerSpamList(HashSet<string> hosts) => _hosts = hosts;

    public int Count => _hosts.Count;

    public static ReferrerSpamList Default { get; } = Parse(ReadEmbedded());

    /// <summary>One host per line; blank lines and <c>#</c> comments ignored; case and a leading <c>www.</c> normalised.</summary>
    public static ReferrerSpamList Parse(string text)
    {
        var hosts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            hosts.Add(Hosts.Plain(line));
        }
        return new ReferrerSpamList(hosts);
    }

    /// <summary>True when <paramref name="host"/> (any case, with or without <c>www.</c>) is listed.</summary>
    public bool Contains(string host) => _hosts.Contains(Hosts.Plain(host));

    private static string ReadEmbedded()
    {
        using var stream = typeof(ReferrerSpamList).Assembly.GetManifestResourceStream("Candor.Analytics.referrer-spam.txt")
            ?? throw new InvalidOperationException("referrer-spam.txt is not embedded in Candor.Analytics.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
