namespace Candor.Analytics.Classification;

/// <summary>
/// The parts of an absolute URL that ingestion reads, exactly as <see cref="Uri"/> gives them. Every event carries a
/// page URL and often a referrer, and a <see cref="Uri"/> per URL (the object, its UriInfo and MoreInfo, and their
/// strings) was about an eighth of what ingestion allocated per event. Most URLs are plain
/// <c>https://host/path?query</c>, which need none of Uri's work (no escaping to fix, no dot segments, no IP or
/// international host to canonicalise): those are cut straight from the string, and anything else goes through Uri.
/// WebUrlTests hold both paths to the same parts on generated URLs full of the cases Uri rewrites.
/// </summary>
internal readonly record struct WebUrl(string Scheme, string Host, string AbsolutePath, string Query, string Fragment, bool IsFile)
{
    /// <summary>Parses an absolute URL as <see cref="Uri.TryCreate(string?, UriKind, out Uri?)"/> does.</summary>
    public static bool TryParse(string text, out WebUrl url)
    {
        if (TryParsePlain(text, out url)) return true;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) return false;
        url = FromUri(uri);
        return true;
    }

    public static WebUrl FromUri(Uri uri) => new(uri.Scheme, uri.Host, uri.AbsolutePath, uri.Query, uri.Fragment, uri.IsFile);

    /// <summary>
    /// The fast path: lower-case <c>http</c>/<c>https</c>, a host of lower-case dot-separated labels (letters, digits,
    /// inner hyphens; the last label not all digits, which Uri would read as an IPv4 address in one of its notations), no
    /// port or user info, and a path, query and fragment of characters Uri leaves as they are. False means "ask Uri",
    /// never "invalid".
    /// </summary>
    internal static bool TryParsePlain(string text, out WebUrl url)
    {
        url = default;
        int i;
        string scheme;
        if (text.StartsWith("https://", StringComparison.Ordinal)) (scheme, i) = ("https", 8);
        else if (text.StartsWith("http://", StringComparison.Ordinal)) (scheme, i) = ("http", 7);
        else return false;

        var hostStart = i;
        var labelStart = i;
        var labelAllDigits = true;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= 'a' and <= 'z') labelAllDigits = false;
            else if (c is >= '0' and <= '9') { }
            else if (c == '-')
            {
                if (i == labelStart) return false;
                labelAllDigits = false;
            }
            else if (c == '.')
            {
                if (!LabelEnds(text, labelStart, i)) return false;
                (labelStart, labelAllDigits) = (i + 1, true);
            }
            else break;
        }
        if (!LabelEnds(text, labelStart, i) || labelAllDigits || i - hostStart > 253) return false;
        var hostEnd = i;

        var pathStart = i;
        for (; i < text.Length && text[i] is not ('?' or '#'); i++)
        {
            if (!IsPlain(text[i])) return false;
            // A "." or ".." segment is removed by Uri.
            if (text[i] == '/' && IsDotSegment(text, i + 1)) return false;
        }
        // Right after the host there is either nothing or a path ('/'), a query or a fragment: ':' (port), '@' (user
        // info), upper case and the rest are Uri's.
        if (pathStart < text.Length && text[pathStart] is not ('/' or '?' or '#')) return false;
        var pathEnd = i;

        var queryStart = i;
        if (i < text.Length && text[i] == '?')
            for (i++; i < text.Length && text[i] != '#'; i++)
                if (!IsPlainInQuery(text[i])) return false;
        var queryEnd = i;

        var fragmentStart = i;
        if (i < text.Length)
            for (i++; i < text.Length; i++)
                if (text[i] == '#' || !IsPlainInQuery(text[i])) return false;

        url = new WebUrl(
            scheme,
            text[hostStart..hostEnd],
            pathEnd > pathStart ? text[pathStart..pathEnd] : "/",
            queryEnd > queryStart ? text[queryStart..queryEnd] : "",
            text.Length > fragmentStart ? text[fragmentStart..] : "",
            IsFile: false);
        return true;
    }

    private static bool LabelEnds(string text, int labelStart, int end) => end > labelStart && end - labelStart <= 63 && text[end - 1] != '-';

    private static bool IsDotSegment(string text, int start)
    {
        var end = start;
        while (end < text.Length && text[end] == '.') end++;
        return end - start is 1 or 2 && (end == text.Length || text[end] is '/' or '?' or '#');
    }

    /// <summary>Unreserved characters, '/' and the sub-delimiters, ':' and '@' (RFC 3986's pchar without '%').</summary>
    private static bool IsPlain(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
            or '-' or '.' or '_' or '~' or '/' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or ':' or '@';

    /// <summary>A plain character or '?'. No percent escapes: Uri decodes those of unreserved characters ("%41" is "A").</summary>
    private static bool IsPlainInQuery(char c) => IsPlain(c) || c == '?';
}
