using Candor.Analytics.Classification;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Candor.Analytics.Ingestion;

namespace Candor.Analytics.Tests.Ingestion;

/// <summary>
/// The JsonDocument parser the endpoint used until the single-pass Utf8JsonReader one replaced it for speed. Kept
/// here, unchanged but for its name (URL parts come from the new one's helpers, always through Uri), as the oracle of <see cref="ParserEquivalenceTests"/>: the two must answer every
/// body alike. Limits and messages come from <see cref="EventRequestParser"/> so a deliberate change there applies to both.
/// </summary>
internal static class JsonDocumentEventParser
{
    private const int DefaultMaxBodyBytes = EventRequestParser.DefaultMaxBodyBytes;
    private const int MaxNameLength = EventRequestParser.MaxNameLength;
    private const int MaxUrlBytes = EventRequestParser.MaxUrlBytes;
    private const int MaxReferrerLength = EventRequestParser.MaxReferrerLength;
    private const int MaxProps = EventRequestParser.MaxProps;
    private const int MaxPropKeyBytes = EventRequestParser.MaxPropKeyBytes;
    private const int MaxPropValueBytes = EventRequestParser.MaxPropValueBytes;
    private const long MaxEngagedMilliseconds = EventRequestParser.MaxEngagedMilliseconds;
    private const string NotJson = EventRequestParser.NotJson;

    // Plausible's JSON parser has no small depth limit, but nothing valid nests deeper than props' one level.
    // A low limit makes hostile nesting a cheap 400 instead of a deep recursion.
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 16 };


    public static EventParseResult Parse(ReadOnlySpan<byte> body, int maxBodyBytes = DefaultMaxBodyBytes)
    {
        if (body.Length > maxBodyBytes) return EventParseResult.TooLarge();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray(), JsonOptions);
        }
        catch (JsonException)
        {
            return EventParseResult.Invalid("request", NotJson);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) return EventParseResult.Invalid("request", NotJson);
            try
            {
                return Validate(document.RootElement);
            }
            catch (InvalidOperationException)
            {
                // JsonDocument checks structure, not text: a string with invalid UTF-8 or a lone surrogate
                // escape only fails when read. Such a body is not JSON text, so it gets the same answer.
                return EventParseResult.Invalid("request", NotJson);
            }
        }
    }

    private static EventParseResult Validate(JsonElement root)
    {
        // One delegate for every reader (a method group passed seven times is seven allocations per event), and the
        // dictionary only when something is wrong: this runs for every event the server accepts.
        Dictionary<string, string[]>? errors = null;
        Action<string, string> error = (field, message) => (errors ??= []).TryAdd(field, [message]);

        var name = ReadName(Field(root, "n", "name"), error);
        var url = ReadUrl(Field(root, "u", "url"), error);
        var domains = ReadDomains(Field(root, "d", "domain"), url, error);
        var referrer = ReadReferrer(Field(root, "r", "referrer"), error);
        var hashMode = ReadHashMode(Field(root, "h", "hashMode"));
        var props = ReadProps(Field(root, "p", "props") ?? Field(root, "m", "meta"), error);
        var interactive = ReadInteractive(Field(root, "i", "interactive"), error);
        Engagement? engagement = null;
        if (name == EventNames.Engagement) engagement = ReadEngagement(Field(root, "sd", "sd"), Field(root, "e", "e"), error);

        if (errors is not null || name is null || url is null || domains is null) return EventParseResult.Invalid(errors ?? []);

        return EventParseResult.Valid(new EventRequest
        {
            Name = name,
            Domains = domains,
            Hostname = EventRequestParser.Hostname(WebUrl.FromUri(url)),
            Pathname = EventRequestParser.Pathname(WebUrl.FromUri(url), hashMode),
            Referrer = referrer,
            Query = EventRequestParser.KeptQuery(WebUrl.FromUri(url)),
            Props = props,
            Interactive = interactive,
            Engagement = engagement,
        });
    }

    /// <summary>The short alias wins over the long name, as in Plausible (<c>n</c> before <c>name</c>).</summary>
    private static JsonElement? Field(JsonElement root, string shortName, string longName) =>
        root.TryGetProperty(shortName, out var value) || root.TryGetProperty(longName, out value) ? value : null;

    private static string? ReadName(JsonElement? value, Action<string, string> error)
    {
        string name;
        switch (value?.ValueKind)
        {
            case null or JsonValueKind.Null:
                error("event_name", "can't be blank");
                return null;
            case JsonValueKind.String:
                name = value.Value.GetString()!;
                break;
            // Plausible accepts integers (a 404 goal can arrive as 404) and stores them as text.
            case JsonValueKind.Number when value.Value.TryGetInt64(out var number):
                name = number.ToString(CultureInfo.InvariantCulture);
                break;
            default:
                error("event_name", "is invalid");
                return null;
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            error("event_name", "can't be blank");
            return null;
        }
        if (name.Length > MaxNameLength)
        {
            error("event_name", $"should be at most {MaxNameLength} character(s)");
            return null;
        }
        return name;
    }

    private static Uri? ReadUrl(JsonElement? value, Action<string, string> error)
    {
        if (value is null or { ValueKind: JsonValueKind.Null })
        {
            error("url", "is required");
            return null;
        }
        if (value.Value.ValueKind != JsonValueKind.String)
        {
            error("url", "is invalid");
            return null;
        }
        var text = value.Value.GetString()!;
        if (text.Length == 0)
        {
            error("url", "is required");
            return null;
        }
        // On Unix, Uri takes "/docs/" as the absolute file path file:///docs/; a path is not a page URL anywhere.
        if (Encoding.UTF8.GetByteCount(text) > MaxUrlBytes || !Uri.TryCreate(text, UriKind.Absolute, out var url)
            || (url.IsFile && !text.StartsWith("file:", StringComparison.OrdinalIgnoreCase)))
        {
            error("url", "must be a valid url");
            return null;
        }
        if (url.Scheme == "data")
        {
            error("url", "scheme is not allowed");
            return null;
        }
        return url;
    }

    private static IReadOnlyList<string>? ReadDomains(JsonElement? value, Uri? url, Action<string, string> error)
    {
        if (value is null or { ValueKind: JsonValueKind.Null })
        {
            // No domain: the page's own host is the site, as in Plausible. A bad URL already has its error.
            if (url is null) return null;
            if (url.IsFile || url.Host.Length == 0)
            {
                error("domain", "can't be blank");
                return null;
            }
            return [Hosts.Plain(url.Host)];
        }
        if (value.Value.ValueKind != JsonValueKind.String)
        {
            error("domain", "is invalid");
            return null;
        }
        var domains = value.Value.GetString()!
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Hosts.Plain(d))
            .Where(d => d.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (domains.Length == 0)
        {
            error("domain", "can't be blank");
            return null;
        }
        return domains;
    }

    private static string? ReadReferrer(JsonElement? value, Action<string, string> error)
    {
        switch (value?.ValueKind)
        {
            case null or JsonValueKind.Null: return null;
            case JsonValueKind.String:
                var referrer = value.Value.GetString()!;
                if (referrer.Length == 0) return null;
                return referrer.Length > MaxReferrerLength ? referrer[..MaxReferrerLength] : referrer;
            default:
                error("referrer", "is invalid");
                return null;
        }
    }

    /// <summary>The tracker sends <c>h: 1</c>; accept <c>true</c> too. Anything else means "not hash mode".</summary>
    private static bool ReadHashMode(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.Number => value.Value.TryGetInt64(out var n) && n == 1,
        _ => false,
    };

    private static bool ReadInteractive(JsonElement? value, Action<string, string> error)
    {
        switch (value?.ValueKind)
        {
            case null or JsonValueKind.Null or JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            default:
                error("interactive", "is invalid");
                return true;
        }
    }

    private static IReadOnlyList<KeyValuePair<string, string>> ReadProps(JsonElement? value, Action<string, string> error)
    {
        if (value is null) return [];
        var element = value.Value;
        JsonDocument? nested = null;
        try
        {
            // Some clients send props as a JSON-encoded string; Plausible decodes it. A string that is not an
            // object, like any other non-object, is ignored rather than failing the whole event.
            if (element.ValueKind == JsonValueKind.String)
            {
                try
                {
                    nested = JsonDocument.Parse(element.GetString()!, JsonOptions);
                    element = nested.RootElement;
                }
                catch (JsonException)
                {
                    return [];
                }
            }
            if (element.ValueKind != JsonValueKind.Object) return [];

            var props = new List<KeyValuePair<string, string>>();
            foreach (var property in element.EnumerateObject())
            {
                string? text = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => null, // lists, maps and null are dropped
                };
                if (string.IsNullOrWhiteSpace(text) || property.Name.Length == 0) continue;
                if (Encoding.UTF8.GetByteCount(property.Name) > MaxPropKeyBytes || Encoding.UTF8.GetByteCount(text) > MaxPropValueBytes)
                {
                    error("props", "keys should have at most 300 bytes and values 2000 bytes");
                    return [];
                }
                if (props.Count < MaxProps) props.Add(new(property.Name, text));
            }
            return props;
        }
        finally
        {
            nested?.Dispose();
        }
    }

    private static Engagement? ReadEngagement(JsonElement? scroll, JsonElement? engaged, Action<string, string> error)
    {
        bool Missing(JsonElement? v) => v is null or { ValueKind: JsonValueKind.Null };
        if (Missing(scroll) && Missing(engaged))
        {
            // The reference gives no text for this case; Candor names both fields so the client can tell what is missing.
            error("engagement", "sd or e is required");
            return null;
        }
        byte depth = Engagement.UnknownScrollDepth;
        if (!Missing(scroll))
        {
            if (scroll!.Value.ValueKind != JsonValueKind.Number || !scroll.Value.TryGetInt64(out var sd) || sd < 0)
            {
                error("sd", "is invalid");
                return null;
            }
            depth = (byte)Math.Min(sd, 100);
        }
        long? milliseconds = null;
        if (!Missing(engaged))
        {
            if (engaged!.Value.ValueKind != JsonValueKind.Number || !engaged.Value.TryGetInt64(out var e) || e < 0 || e >= MaxEngagedMilliseconds)
            {
                error("e", "is invalid");
                return null;
            }
            milliseconds = e;
        }
        return new Engagement(depth, milliseconds);
    }
}
