using System.Text;
using Candor.Analytics.Ingestion;

namespace Candor.Analytics.Tests.Ingestion;

/// <summary>Hostile or broken bodies are a 400 or 413, never an exception (which the endpoint would turn into a 500).</summary>
public class MalformedBodyTests
{
    public static TheoryData<string, byte[]> Corpus()
    {
        var data = new TheoryData<string, byte[]>();
        void Add(string label, string text) => data.Add(label, Encoding.UTF8.GetBytes(text));
        Add("empty", "");
        Add("whitespace", "   \n");
        Add("not json", "n=pageview&u=x");
        Add("truncated", """{"n":"pageview","u":"https://e.com/""");
        Add("array", """[{"n":"pageview","u":"https://e.com/"}]""");
        Add("string", "\"pageview\"");
        Add("number", "42");
        Add("null", "null");
        Add("true", "true");
        Add("deep nesting", new string('[', 10_000) + new string(']', 10_000));
        Add("deep object nesting", """{"n":"x","u":"https://e.com/","p":""" + string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5001));
        Add("trailing garbage", """{"n":"x","u":"https://e.com/"} junk""");
        Add("comments", """{"n":"x", /* hi */ "u":"https://e.com/"}""");
        Add("single quotes", "{'n':'x','u':'https://e.com/'}");
        Add("lone surrogate escape", """{"n":"\ud800","u":"https://e.com/"}""");
        Add("huge name", $$"""{"n":"{{new string('a', 900_000)}}","u":"https://e.com/"}""");
        Add("huge url", $$"""{"n":"x","u":"https://e.com/{{new string('a', 900_000)}}"}""");
        Add("huge number", """{"n":1""" + new string('0', 5000) + ""","u":"https://e.com/"}""");
        Add("wrong types", """{"n":{},"u":[],"d":5,"r":{},"i":"no"}""");
        Add("null fields", """{"n":null,"u":null}""");
        Add("bool name", """{"n":true,"u":"https://e.com/"}""");
        Add("engagement wrong types", """{"n":"engagement","u":"https://e.com/","sd":"50","e":[1]}""");
        Add("engagement overflow", """{"n":"engagement","u":"https://e.com/","sd":1e400}""");
        Add("relative url", """{"n":"x","u":"/relative/path"}""");
        data.Add("invalid utf-8 in a string", [.. Encoding.UTF8.GetBytes("{\"n\":\""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\",\"u\":\"https://e.com/\"}")]);
        data.Add("invalid utf-8 outside strings", [0xFF, 0xFE, 0x7B, 0x7D]);
        data.Add("utf-16 body", Encoding.Unicode.GetBytes("""{"n":"x","u":"https://e.com/"}"""));
        data.Add("over the body limit", Encoding.UTF8.GetBytes($$$"""{"n":"x","u":"https://e.com/","p":{"a":"{{{new string('a', EventRequestParser.DefaultMaxBodyBytes)}}}"}}"""));
        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Malformed_bodies_are_rejected_with_a_message(string label, byte[] body)
    {
        var result = EventRequestParser.Parse(body);
        Assert.False(result.IsValid, label);
        Assert.Contains(result.StatusCode, new[] { 400, 413 });
        Assert.NotEmpty(result.Errors!);
        Assert.StartsWith("{\"errors\":{", result.ErrorJson());
    }

    [Fact]
    public void The_body_limit_gives_413()
    {
        Assert.Equal(413, EventRequestParser.Parse(new byte[101], maxBodyBytes: 100).StatusCode);
        Assert.Equal(400, EventRequestParser.Parse(new byte[100], maxBodyBytes: 100).StatusCode);
    }
}
