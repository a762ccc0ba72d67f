using System.Text;
using Candor.Analytics.Ingestion;

namespace Candor.Analytics.Tests.Ingestion;

/// <summary>
/// The single-pass parser must answer every body exactly as the JsonDocument parser it replaced
/// (<see cref="JsonDocumentEventParser"/>): same status, same error fields and messages, same event. Bodies come from a
/// seeded generator that mixes every key and alias (escaped too), duplicates, values of every JSON type, props as
/// objects and as JSON-encoded strings, and broken text (truncations, stray bytes, trailing garbage).
/// </summary>
public class ParserEquivalenceTests
{
    private static readonly string[] Keys =
        ["n", "name", "u", "url", "d", "domain", "r", "referrer", "h", "hashMode", "p", "props", "m", "meta", "i", "interactive", "sd", "e",
         "\\u006e", "ur\\u006c", "x", "N", "", "props "];

    private static readonly string[] Urls =
        ["https://example.com/", "https://www.Example.com/a/b?utm_source=x&fbclid=1&q=secret#frag", "http://example.com/caf%C3%A9 ",
         "https://example.com/#/hash/route", "file:///home/me/page.html", "/docs/", "data:text/plain,hi", "not a url", "https://", "",
         "https://example.com/" + new string('a', 2100), "https://example.com/?ref=hn&utm_medium=social&utm_campaign=%20x%20"];

    private static readonly string[] Strings =
        ["pageview", "engagement", "Signup", "", "   ", "404", "example.com", "www.example.com, other.org ,example.com", ",", "a\\u0000b",
         "caf\\u00e9", "\\ud800", "quote\\\"inside", new string('n', 121), "https://www.google.com/search?q=x", "{\\\"a\\\":\\\"b\\\"}",
         "{\\\"k\\\":1,\\\"l\\\":[1]}", "[1,2]", "{bad json}", new string('r', 2100)];

    private static readonly string[] Scalars = ["0", "1", "-1", "404", "1.5", "1e400", "99999999999999999999", "true", "false", "null", "2592000000", "50"];

    [Fact]
    public void Both_parsers_answer_generated_bodies_alike()
    {
        var random = new Random(20261129);
        var differences = new List<string>();
        var valid = 0;
        for (var i = 0; i < 30_000 && differences.Count < 5; i++)
        {
            var text = Body(random);
            var bytes = Encoding.UTF8.GetBytes(text);
            if (random.Next(6) == 0) bytes = Mutate(bytes, random);
            var expected = Describe(JsonDocumentEventParser.Parse(bytes));
            var actual = Describe(EventRequestParser.Parse(bytes));
            if (expected.StartsWith("202", StringComparison.Ordinal)) valid++;
            if (expected != actual) differences.Add($"body {Encoding.UTF8.GetString(bytes)}\n  JsonDocument: {expected}\n  single pass:  {actual}");
        }
        Assert.True(differences.Count == 0, string.Join("\n", differences));
        // The generator must reach the interesting part: thousands of the bodies are valid events (2,861 with this seed).
        Assert.InRange(valid, 1_500, 27_000);
    }

    [Theory]
    [MemberData(nameof(MalformedBodyTests.Corpus), MemberType = typeof(MalformedBodyTests))]
    public void Both_parsers_answer_the_malformed_corpus_alike(string label, byte[] body) =>
        Assert.True(Describe(JsonDocumentEventParser.Parse(body)) == Describe(EventRequestParser.Parse(body)), label);

    private static string Body(Random random)
    {
        var fields = new List<string>();
        // Most bodies carry a name and a URL so that validation of the other fields is reached.
        if (random.Next(10) > 0) fields.Add($"\"{(random.Next(2) == 0 ? "n" : "name")}\":{Value(random, name: true)}");
        if (random.Next(10) > 0) fields.Add($"\"{(random.Next(3) == 0 ? "url" : "u")}\":\"{Pick(random, Urls)}\"");
        for (var count = random.Next(6); count > 0; count--) fields.Add($"\"{Pick(random, Keys)}\":{Value(random, name: false)}");
        fields.Sort((_, _) => random.Next(3) - 1);
        var space = random.Next(4) == 0 ? " \n\t" : "";
        return "{" + space + string.Join("," + space, fields) + space + "}";
    }

    private static string Value(Random random, bool name) => random.Next(name ? 10 : 7) switch
    {
        0 => Pick(random, Scalars),
        1 => Props(random, depth: 0),
        2 => "[" + Pick(random, Scalars) + "," + Props(random, depth: 1) + "]",
        3 => "\"" + Props(random, depth: 0).Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"", // props as a JSON string
        _ => "\"" + Pick(random, Strings) + "\"",
    };

    private static string Props(Random random, int depth)
    {
        var entries = new List<string>();
        for (var count = random.Next(5); count > 0; count--)
        {
            var key = random.Next(8) switch { 0 => "", 1 => new string('k', 301), 2 => "\\u00e9t\\u00e9", _ => "key" + random.Next(4) };
            var value = random.Next(9) switch
            {
                0 => Pick(random, Scalars),
                1 when depth < 20 => Props(random, depth + 1),
                2 => "[1,{\"a\":null}]",
                3 => "\"" + new string('v', 2001) + "\"",
                4 => "\"  \"",
                _ => "\"" + Pick(random, Strings) + "\"",
            };
            entries.Add($"\"{key}\":{value}");
        }
        return "{" + string.Join(",", entries) + "}";
    }

    private static byte[] Mutate(byte[] bytes, Random random)
    {
        var list = bytes.ToList();
        switch (random.Next(5))
        {
            case 0: return bytes[..random.Next(bytes.Length + 1)];
            case 1: list.Insert(random.Next(list.Count + 1), (byte)random.Next(256)); break;
            case 2 when list.Count > 0: list.RemoveAt(random.Next(list.Count)); break;
            case 3: list.AddRange(Encoding.UTF8.GetBytes(random.Next(2) == 0 ? " x" : "  \n")); break;
            default: return [.. Encoding.UTF8.GetBytes("["), .. bytes, .. Encoding.UTF8.GetBytes("]")];
        }
        return [.. list];
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    private static string Describe(EventParseResult result)
    {
        if (result.Request is not { } r)
            return $"{result.StatusCode} {string.Join("; ", result.Errors!.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + ": " + string.Join("|", e.Value)))}";
        static string Pairs(IReadOnlyList<KeyValuePair<string, string>> pairs) => string.Join("&", pairs.Select(p => p.Key + "=" + p.Value));
        return $"{result.StatusCode} name={r.Name} domains={string.Join(",", r.Domains)} host={r.Hostname} path={r.Pathname} referrer={r.Referrer}"
            + $" query={Pairs(r.Query)} props={Pairs(r.Props)} interactive={r.Interactive} engagement={r.Engagement}";
    }
}
