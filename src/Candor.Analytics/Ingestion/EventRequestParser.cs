using Candor.Analytics.Classification;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Candor.Analytics.Ingestion;

/// <summary>
/// Parses and validates a <c>POST /api/event</c> body exactly as Plausible's ingestion does (see
/// shared/reference/plausible-compat.md §1). A pure function of the bytes: no HTTP, no clock, so every
/// rule is tested alone. Whatever the bytes, the answer is a 202, 400 or 413 — never an exception.
/// </summary>
public static class EventRequestParser
{
    /// <summary>Plausible accepts bodies of about 1 MB.</summary>
    public const int DefaultMaxBodyBytes = 1_000_000;

    public const int MaxNameLength = 120;
    public const int MaxUrlBytes = 2000;
    public const int MaxReferrerLength = 2000;
    public const int MaxProps = 30;
    public const int MaxPropKeyBytes = 300;
    public const int MaxPropValueBytes = 2000;

    /// <summary>Engaged time must be below 30 days; anything longer is a broken client.</summary>
    public const long MaxEngagedMilliseconds = 30L * 24 * 60 * 60 * 1000;

    public const string NotJson = "Unable to parse request body as json";

    // Plausible's JSON parser has no small depth limit, but nothing valid nests deeper than props' one level.
    // A low limit makes hostile nesting a cheap 400 instead of a deep recursion.
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };

    /// <summary>The body's known keys; each alias has its own slot so the short one can win whatever the order.</summary>
    private enum Key { N, Name, U, Url, D, Domain, R, Referrer, H, HashMode, P, Props, M, Meta, I, Interactive, Sd, E, Count }

    private static readonly byte[][] KeyNames =
        [.. new[] { "n", "name", "u", "url", "d", "domain", "r", "referrer", "h", "hashMode", "p", "props", "m", "meta", "i", "interactive", "sd", "e" }
            .Select(Encoding.UTF8.GetBytes)];

    /// <summary>
    /// One pass of <see cref="Utf8JsonReader"/> over the body checks that all of it is JSON and notes where each known
    /// key's value starts; the values the event needs are then read from there. This runs for every event the server
    /// accepts, so it reads the request's own bytes (no copy, no document object) — a JsonDocument version of it was
    /// the largest share of what an event allocated. It answers exactly as that version did: a body that is not one
    /// JSON object is "not json"; of duplicate keys the last counts; a short alias wins over its long name.
    /// </summary>
    public static EventParseResult Parse(ReadOnlySpan<byte> body, int maxBodyBytes = DefaultMaxBodyBytes)
    {
        if (body.Length > maxBodyBytes) return EventParseResult.TooLarge();
        Span<int> at = stackalloc int[(int)Key.Count];
        at.Fill(-1);
        try
        {
            var reader = new Utf8JsonReader(body, isFinalBlock: true, new JsonReaderState(ReaderOptions));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return NotJsonResult();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = KeyOf(ref reader);
                reader.Read();
                if (key >= 0) at[key] = (int)reader.TokenStartIndex;
                reader.Skip(); // a nested value is checked here, read later only if it is props
            }
            // Past the object only whitespace may follow: the reader throws on anything else.
            if (reader.Read()) return NotJsonResult();
            return Validate(body, at);
        }
        catch (JsonException)
        {
            return NotJsonResult();
        }
        catch (InvalidOperationException)
        {
            // The reader checks structure, not text: a string with invalid UTF-8 or a lone surrogate escape only
            // fails when read. Such a body is not JSON text, so it gets the same answer.
            return NotJsonResult();
        }
    }

    private static EventParseResult NotJsonResult() => EventParseResult.Invalid("request", NotJson);

    private static int KeyOf(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < KeyNames.Length; i++)
            if (reader.ValueTextEquals(KeyNames[i])) return i;
        return -1;
    }

    /// <summary>The value of a key noted by <see cref="Parse"/>: a reader standing on it, or false when the key was absent.</summary>
    private static bool ValueAt(ReadOnlySpan<byte> body, int start, out Utf8JsonReader value)
    {
        value = default;
        if (start < 0) return false;
        value = new Utf8JsonReader(body[start..], isFinalBlock: true, new JsonReaderState(ReaderOptions));
        value.Read();
        return true;
    }

    /// <summary>The short alias's value when it was sent (even as null), else the long name's.</summary>
    private static int Either(Span<int> at, Key shortName, Key longName) => at[(int)shortName] >= 0 ? at[(int)shortName] : at[(int)longName];

    private static EventParseResult Validate(ReadOnlySpan<byte> body, Span<int> at)
    {
        // Only allocated when something is wrong: this runs for every event the server accepts.
        Dictionary<string, string[]>? errors = null;

        var name = ReadName(body, Either(at, Key.N, Key.Name), ref errors);
        var url = ReadUrl(body, Either(at, Key.U, Key.Url), ref errors);
        var domains = ReadDomains(body, Either(at, Key.D, Key.Domain), url, ref errors);
        var referrer = ReadReferrer(body, Either(at, Key.R, Key.Referrer), ref errors);
        var hashMode = ReadHashMode(body, Either(at, Key.H, Key.HashMode));
        var propsAt = Either(at, Key.P, Key.Props);
        var props = ReadProps(body, propsAt >= 0 ? propsAt : Either(at, Key.M, Key.Meta), ref errors);
        var interactive = ReadInteractive(body, Either(at, Key.I, Key.Interactive), ref errors);
        Engagement? engagement = null;
        if (name == EventNames.Engagement) engagement = ReadEngagement(body, at[(int)Key.Sd], at[(int)Key.E], ref errors);

        if (errors is not null || name is null || url is null || domains is null) return EventParseResult.Invalid(errors ?? []);

        return EventParseResult.Valid(new EventRequest
        {
            Name = name,
            Domains = domains,
            Hostname = Hostname(url.Value),
            Pathname = Pathname(url.Value, hashMode),
            Referrer = referrer,
            Query = KeptQuery(url.Value),
            Props = props,
            Interactive = interactive,
            Engagement = engagement,
        });
    }

    private static void Error(ref Dictionary<string, string[]>? errors, string field, string message) => (errors ??= []).TryAdd(field, [message]);

    private static bool IsNull(in Utf8JsonReader value) => value.TokenType == JsonTokenType.Null;

    private static string? ReadName(ReadOnlySpan<byte> body, int start, ref Dictionary<string, string[]>? errors)
    {
        string name;
        if (!ValueAt(body, start, out var value) || IsNull(value))
        {
            Error(ref errors, "event_name", "can't be blank");
            return null;
        }
        switch (value.TokenType)
        {
            // The two names nearly every event has, without a new string each time.
            case JsonTokenType.String when value.ValueTextEquals("pageview"u8):
                return EventNames.Pageview;
            case JsonTokenType.String when value.ValueTextEquals("engagement"u8):
                return EventNames.Engagement;
            case JsonTokenType.String:
                name = value.GetString()!;
                break;
            // Plausible accepts integers (a 404 goal can arrive as 404) and stores them as text.
            case JsonTokenType.Number when value.TryGetInt64(out var number):
                name = number.ToString(CultureInfo.InvariantCulture);
                break;
            default:
                Error(ref errors, "event_name", "is invalid");
                return null;
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            Error(ref errors, "event_name", "can't be blank");
            return null;
        }
        if (name.Length > MaxNameLength)
        {
            Error(ref errors, "event_name", $"should be at most {MaxNameLength} character(s)");
            return null;
        }
        return name;
    }

    private static WebUrl? ReadUrl(ReadOnlySpan<byte> body, int start, ref Dictionary<string, string[]>? errors)
    {
        if (!ValueAt(body, start, out var value) || IsNull(value))
        {
            Error(ref errors, "url", "is required");
            return null;
        }
        if (value.TokenType != JsonTokenType.String)
        {
            Error(ref errors, "url", "is invalid");
            return null;
        }
        var text = value.GetString()!;
        if (text.Length == 0)
        {
            Error(ref errors, "url", "is required");
            return null;
        }
        // On Unix, Uri takes "/docs/" as the absolute file path file:///docs/; a path is not a page URL anywhere.
        if (Encoding.UTF8.GetByteCount(text) > MaxUrlBytes || !WebUrl.TryParse(text, out var url)
            || (url.IsFile && !text.StartsWith("file:", StringComparison.OrdinalIgnoreCase)))
        {
            Error(ref errors, "url", "must be a valid url");
            return null;
        }
        if (url.Scheme == "data")
        {
            Error(ref errors, "url", "scheme is not allowed");
            return null;
        }
        return url;
    }

    private static IReadOnlyList<string>? ReadDomains(ReadOnlySpan<byte> body, int start, WebUrl? url, ref Dictionary<string, string[]>? errors)
    {
        if (!ValueAt(body, start, out var value) || IsNull(value))
        {
            // No domain: the page's own host is the site, as in Plausible. A bad URL already has its error.
            if (url is not { } page) return null;
            if (page.IsFile || page.Host.Length == 0)
            {
                Error(ref errors, "domain", "can't be blank");
                return null;
            }
            return [Hosts.Plain(page.Host)];
        }
        if (value.TokenType != JsonTokenType.String)
        {
            Error(ref errors, "domain", "is invalid");
            return null;
        }
        var text = value.GetString()!;
        var domains = new List<string>(1);
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var domain = Hosts.Plain(part);
            if (domain.Length > 0 && !domains.Contains(domain)) domains.Add(domain);
        }
        if (domains.Count == 0)
        {
            Error(ref errors, "domain", "can't be blank");
            return null;
        }
        return domains;
    }

    private static string? ReadReferrer(ReadOnlySpan<byte> body, int start, ref Dictionary<string, string[]>? errors)
    {
        if (!ValueAt(body, start, out var value) || IsNull(value)) return null;
        if (value.TokenType != JsonTokenType.String)
        {
            Error(ref errors, "referrer", "is invalid");
            return null;
        }
        var referrer = value.GetString()!;
        if (referrer.Length == 0) return null;
        return referrer.Length > MaxReferrerLength ? referrer[..MaxReferrerLength] : referrer;
    }

    /// <summary>The tracker sends <c>h: 1</c>; accept <c>true</c> too. Anything else means "not hash mode".</summary>
    private static bool ReadHashMode(ReadOnlySpan<byte> body, int start) =>
        ValueAt(body, start, out var value) && value.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.Number => value.TryGetInt64(out var n) && n == 1,
            _ => false,
        };

    private static bool ReadInteractive(ReadOnlySpan<byte> body, int start, ref Dictionary<string, string[]>? errors)
    {
        if (!ValueAt(body, start, out var value)) return true;
        switch (value.TokenType)
        {
            case JsonTokenType.Null or JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            default:
                Error(ref errors, "interactive", "is invalid");
                return true;
        }
    }

    private static IReadOnlyList<KeyValuePair<string, string>> ReadProps(ReadOnlySpan<byte> body, int start, ref Dictionary<string, string[]>? errors)
    {
        if (!ValueAt(body, start, out var value)) return [];
        // Some clients send props as a JSON-encoded string; Plausible decodes it. A string that is not an
        // object, like any other non-object, is ignored rather than failing the whole event.
        if (value.TokenType == JsonTokenType.String)
        {
            var nested = Encoding.UTF8.GetBytes(value.GetString()!);
            try
            {
                var check = new Utf8JsonReader(nested, isFinalBlock: true, new JsonReaderState(ReaderOptions));
                if (!check.Read() || check.TokenType != JsonTokenType.StartObject) return [];
                check.Skip();
                if (check.Read()) return [];
            }
            catch (JsonException)
            {
                return [];
            }
            var inner = new Utf8JsonReader(nested, isFinalBlock: true, new JsonReaderState(ReaderOptions));
            inner.Read();
            return ReadPropsObject(ref inner, ref errors);
        }
        return value.TokenType == JsonTokenType.StartObject ? ReadPropsObject(ref value, ref errors) : [];
    }

    /// <summary>The reader stands on the object's start; the object was already checked to be well-formed.</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> ReadPropsObject(ref Utf8JsonReader reader, ref Dictionary<string, string[]>? errors)
    {
        List<KeyValuePair<string, string>>? props = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // The key is decoded only for a value that is kept, as before (an undecodable key of a dropped value is no error).
            var keyReader = reader;
            reader.Read();
            string? text = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan), // numbers have no escapes: the text as sent
                JsonTokenType.True => "true",
                JsonTokenType.False => "false",
                _ => null, // lists, maps and null are dropped
            };
            reader.Skip();
            if (string.IsNullOrWhiteSpace(text)) continue;
            var key = keyReader.GetString()!;
            if (key.Length == 0) continue;
            if (Encoding.UTF8.GetByteCount(key) > MaxPropKeyBytes || Encoding.UTF8.GetByteCount(text) > MaxPropValueBytes)
            {
                Error(ref errors, "props", "keys should have at most 300 bytes and values 2000 bytes");
                return [];
            }
            props ??= [];
            if (props.Count < MaxProps) props.Add(new(key, text));
        }
        return props ?? (IReadOnlyList<KeyValuePair<string, string>>)[];
    }

    private static Engagement? ReadEngagement(ReadOnlySpan<byte> body, int scrollAt, int engagedAt, ref Dictionary<string, string[]>? errors)
    {
        var hasScroll = ValueAt(body, scrollAt, out var scroll) && !IsNull(scroll);
        var hasEngaged = ValueAt(body, engagedAt, out var engaged) && !IsNull(engaged);
        if (!hasScroll && !hasEngaged)
        {
            // The reference gives no text for this case; Candor names both fields so the client can tell what is missing.
            Error(ref errors, "engagement", "sd or e is required");
            return null;
        }
        byte depth = Engagement.UnknownScrollDepth;
        if (hasScroll)
        {
            if (scroll.TokenType != JsonTokenType.Number || !scroll.TryGetInt64(out var sd) || sd < 0)
            {
                Error(ref errors, "sd", "is invalid");
                return null;
            }
            depth = (byte)Math.Min(sd, 100);
        }
        long? milliseconds = null;
        if (hasEngaged)
        {
            if (engaged.TokenType != JsonTokenType.Number || !engaged.TryGetInt64(out var e) || e < 0 || e >= MaxEngagedMilliseconds)
            {
                Error(ref errors, "e", "is invalid");
                return null;
            }
            milliseconds = e;
        }
        return new Engagement(depth, milliseconds);
    }

    internal static string Hostname(WebUrl url) => url.IsFile || url.Host.Length == 0 ? "(none)" : Hosts.Plain(url.Host);

    internal static string Pathname(WebUrl url, bool hashMode)
    {
        // Uri keeps the path escaped; Plausible stores it decoded (so "/caf%C3%A9" is "/café").
        var path = Uri.UnescapeDataString(url.AbsolutePath).TrimEnd();
        if (path.Length == 0) path = "/";
        if (hashMode && url.Fragment.Length > 1) path += Uri.UnescapeDataString(url.Fragment);
        return path;
    }

    /// <summary>Only the campaign parameters and click ids are kept: the rest of a query can hold personal data.</summary>
    internal static IReadOnlyList<KeyValuePair<string, string>> KeptQuery(WebUrl url)
    {
        if (url.Query.Length <= 1) return [];
        var kept = new List<KeyValuePair<string, string>>();
        foreach (var pair in url.Query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            if (key.StartsWith("utm_", StringComparison.Ordinal) || key is "source" or "ref" || ReferrerSource.ClickIds.Contains(key))
                kept.Add(new(key, value));
        }
        return kept;

        static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
    }
}
