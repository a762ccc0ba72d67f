namespace Candor.Server.Headers;

/// <summary>
/// The site's <c>Content-Security-Policy</c>, built in one place. The default allows what a Jekyll site
/// needs from its own origin only — scripts, styles, fonts, images (also <c>data:</c> URLs), media, fetches —
/// plus inline <c>style</c> attributes, because kramdown writes them (table alignment) and themes use
/// them. Inline scripts are not allowed. No plugins, no <c>&lt;base&gt;</c> elsewhere, forms post only
/// here, and no other site may frame this one.
/// <para>A feature that needs more widens the policy when it registers its services, so every
/// exception is visible next to the feature that needs it:
/// <c>services.WidenContentSecurityPolicy(csp => csp.AllowFrame("https://www.youtube-nocookie.com"))</c>.</para>
/// </summary>
public sealed class ContentSecurityPolicy
{
    private readonly List<(string Directive, List<string> Sources)> _directives =
    [
        ("default-src", ["'self'"]),
        ("script-src", ["'self'"]),
        ("style-src", ["'self'", "'unsafe-inline'"]),
        ("img-src", ["'self'", "data:"]),
        ("font-src", ["'self'", "data:"]),
        ("media-src", ["'self'"]),
        ("connect-src", ["'self'"]),
        ("frame-src", ["'self'"]),
        ("object-src", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'"]),
        ("frame-ancestors", ["'none'"]),
    ];

    public ContentSecurityPolicy AllowScript(string source) => Allow("script-src", source);
    public ContentSecurityPolicy AllowStyle(string source) => Allow("style-src", source);
    public ContentSecurityPolicy AllowImage(string source) => Allow("img-src", source);
    public ContentSecurityPolicy AllowFrame(string source) => Allow("frame-src", source);
    public ContentSecurityPolicy AllowConnect(string source) => Allow("connect-src", source);

    /// <summary>Adds <paramref name="source"/> to <paramref name="directive"/> (replacing a lone <c>'none'</c>).</summary>
    public ContentSecurityPolicy Allow(string directive, string source)
    {
        // A ';' or ',' would let a source end the directive (or the header) and start another.
        if (source.Length == 0 || source.Any(c => c is ';' or ',' || char.IsWhiteSpace(c) || char.IsControl(c)))
            throw new ArgumentException($"'{source}' is not a single CSP source expression", nameof(source));
        if (directive.Length == 0 || !directive.All(c => c is '-' || char.IsAsciiLetterLower(c)))
            throw new ArgumentException($"'{directive}' is not a CSP directive name", nameof(directive));
        var entry = _directives.FirstOrDefault(d => d.Directive == directive);
        if (entry.Sources is null)
        {
            _directives.Add((directive, [source]));
            return this;
        }
        if (entry.Sources is ["'none'"]) entry.Sources.Clear();
        if (!entry.Sources.Contains(source)) entry.Sources.Add(source);
        return this;
    }

    /// <summary>
    /// The one place third-party embeds widen the policy, each for exactly its own origin and only when enabled:
    /// the video player's origin and the forum's may be framed (after a click; the pages never load them on their
    /// own), the ad script's origin may run a script and show an image.
    /// </summary>
    public ContentSecurityPolicy AllowEmbeds(Candor.Privacy.Consent.ConsentOptions consent)
    {
        foreach (var origin in consent.FrameOrigins()) AllowFrame(origin);
        foreach (var origin in consent.AdOrigins())
        {
            AllowScript(origin);
            AllowImage(origin);
        }
        return this;
    }

    public override string ToString() => string.Join("; ", _directives.Select(d => $"{d.Directive} {string.Join(' ', d.Sources)}"));
}
