namespace Candor.Privacy.Cookies;

/// <summary>
/// One cookie a Candor feature can set, with what a visitor is owed about it: why, how long, on what legal
/// basis. The running server refuses (in development) any cookie not declared, and the generated privacy
/// policy prints its cookie table from these, so the table cannot leave a cookie out.
/// </summary>
/// <param name="Name">The exact name, or a pattern with one placeholder at the end (<c>candor-share-&lt;domain&gt;</c>).</param>
/// <param name="Purpose">What it does, as the policy says it ("remembers that you opted out of ads").</param>
/// <param name="Lifetime">How long the browser keeps it.</param>
/// <param name="LegalBasis">Why it may be set without asking, in the policy's words.</param>
public sealed record CookieDeclaration(string Name, string Purpose, TimeSpan Lifetime, string LegalBasis)
{
    /// <summary>When it is set, if not whenever its feature is used ("when the dashboard's share links use a password").</summary>
    public string? When { get; init; }

    /// <summary>Whether a cookie called <paramref name="cookieName"/> is this one.</summary>
    public bool Matches(string cookieName) =>
        Name.IndexOf('<') is var placeholder and > 0
            ? cookieName.Length > placeholder && cookieName.StartsWith(Name[..placeholder], StringComparison.Ordinal)
            : string.Equals(cookieName, Name, StringComparison.Ordinal);

    /// <summary>The lifetime in words, in the largest unit that divides it ("2 years", "8 hours", "10 minutes").</summary>
    public string LifetimeText => Lifetime switch
    {
        var t when t.TotalDays >= 365 && t.TotalDays % 365 == 0 => Count((int)(t.TotalDays / 365), "year"),
        var t when t.TotalDays >= 1 && t.TotalDays % 1 == 0 => Count((int)t.TotalDays, "day"),
        var t when t.TotalHours >= 1 && t.TotalHours % 1 == 0 => Count((int)t.TotalHours, "hour"),
        var t when t.TotalMinutes >= 1 && t.TotalMinutes % 1 == 0 => Count((int)t.TotalMinutes, "minute"),
        var t => Count((int)Math.Ceiling(t.TotalSeconds), "second"),
    };

    private static string Count(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
