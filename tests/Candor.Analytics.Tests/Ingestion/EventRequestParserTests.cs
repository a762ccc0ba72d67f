using System.Text;
using Candor.Analytics.Ingestion;

namespace Candor.Analytics.Tests.Ingestion;

public class EventRequestParserTests
{
    private static EventParseResult Parse(string json) => EventRequestParser.Parse(Encoding.UTF8.GetBytes(json));

    private static EventRequest Valid(string json)
    {
        var result = Parse(json);
        Assert.True(result.IsValid, result.ErrorJson());
        return result.Request!;
    }

    [Fact]
    public void Short_and_long_aliases_give_the_same_event()
    {
        var shortForm = Valid("""{"n":"pageview","u":"https://example.com/a","d":"example.com","r":"https://ref.org/x","p":{"k":"v"},"i":false}""");
        var longForm = Valid("""{"name":"pageview","url":"https://example.com/a","domain":"example.com","referrer":"https://ref.org/x","props":{"k":"v"},"interactive":false}""");
        Assert.Equal(shortForm.Name, longForm.Name);
        Assert.Equal(shortForm.Domains, longForm.Domains);
        Assert.Equal(shortForm.Pathname, longForm.Pathname);
        Assert.Equal(shortForm.Referrer, longForm.Referrer);
        Assert.Equal(shortForm.Props, longForm.Props);
        Assert.False(shortForm.Interactive);
        Assert.False(longForm.Interactive);
    }

    [Fact]
    public void Meta_is_an_alias_of_props()
    {
        Assert.Equal([new("a", "b")], Valid("""{"n":"x","u":"https://e.com/","m":{"a":"b"}}""").Props);
        Assert.Equal([new("a", "b")], Valid("""{"n":"x","u":"https://e.com/","meta":{"a":"b"}}""").Props);
    }

    [Fact]
    public void Integer_names_are_text() => Assert.Equal("404", Valid("""{"n":404,"u":"https://e.com/"}""").Name);

    [Theory]
    [InlineData("""{"n":["a"],"u":"https://e.com/"}""", "event_name", "is invalid")]
    [InlineData("""{"n":1.5,"u":"https://e.com/"}""", "event_name", "is invalid")]
    [InlineData("""{"u":"https://e.com/"}""", "event_name", "can't be blank")]
    [InlineData("""{"n":"","u":"https://e.com/"}""", "event_name", "can't be blank")]
    [InlineData("""{"n":"pageview"}""", "url", "is required")]
    [InlineData("""{"n":"pageview","u":"data:text/html,hi"}""", "url", "scheme is not allowed")]
    [InlineData("""{"n":"pageview","u":"not a url"}""", "url", "must be a valid url")]
    [InlineData("""{"n":"pageview","u":42}""", "url", "is invalid")]
    [InlineData("""{"n":"pageview","u":"https://e.com/","d":""}""", "domain", "can't be blank")]
    [InlineData("""{"n":"pageview","u":"https://e.com/","d":" , "}""", "domain", "can't be blank")]
    [InlineData("""{"n":"pageview","u":"https://e.com/","i":"yes"}""", "interactive", "is invalid")]
    [InlineData("""{"n":"engagement","u":"https://e.com/"}""", "engagement", "sd or e is required")]
    [InlineData("""{"n":"engagement","u":"https://e.com/","sd":-1}""", "sd", "is invalid")]
    [InlineData("""{"n":"engagement","u":"https://e.com/","e":2592000000}""", "e", "is invalid")]
    public void Invalid_fields_get_Plausibles_messages(string json, string field, string message)
    {
        var result = Parse(json);
        Assert.Equal(400, result.StatusCode);
        Assert.Equal([message], result.Errors![field]);
    }

    [Fact]
    public void Error_json_has_Plausibles_shape()
    {
        Assert.Equal("""{"errors":{"url":["is required"]}}""", Parse("""{"n":"pageview","d":"e.com"}""").ErrorJson());
        Assert.Equal("""{"errors":{"request":["Unable to parse request body as json"]}}""", Parse("nope").ErrorJson());
    }

    [Fact]
    public void Names_longer_than_120_characters_are_rejected()
    {
        Valid($$"""{"n":"{{new string('a', 120)}}","u":"https://e.com/"}""");
        Assert.Equal(["should be at most 120 character(s)"], Parse($$"""{"n":"{{new string('a', 121)}}","u":"https://e.com/"}""").Errors!["event_name"]);
    }

    [Fact]
    public void Urls_over_2000_bytes_are_invalid()
    {
        var longUrl = "https://e.com/" + new string('a', 2000);
        Assert.Equal(["must be a valid url"], Parse($$"""{"n":"pageview","u":"{{longUrl}}"}""").Errors!["url"]);
    }

    [Fact]
    public void Domains_are_a_trimmed_comma_list_without_www()
    {
        Assert.Equal(["a.com", "b.org"], Valid("""{"n":"pageview","u":"https://a.com/","d":" www.a.com , B.org "}""").Domains);
    }

    [Fact]
    public void Without_a_domain_the_url_host_is_the_site()
    {
        var e = Valid("""{"n":"pageview","u":"https://www.Example.com/x"}""");
        Assert.Equal(["example.com"], e.Domains);
        Assert.Equal("example.com", e.Hostname);
    }

    [Fact]
    public void File_urls_have_no_hostname() => Assert.Equal("(none)", Valid("""{"n":"pageview","u":"file:///home/me/page.html","d":"e.com"}""").Hostname);

    [Theory]
    [InlineData("https://e.com", "/")]
    [InlineData("https://e.com/caf%C3%A9", "/café")]
    [InlineData("https://e.com/a%20 ", "/a")]
    [InlineData("https://e.com/a?x=1#top", "/a")]
    public void Pathname_is_decoded_and_trimmed(string url, string path) => Assert.Equal(path, Valid($$"""{"n":"pageview","u":"{{url}}"}""").Pathname);

    [Fact]
    public void Hash_mode_appends_the_fragment()
    {
        Assert.Equal("/app#/settings", Valid("""{"n":"pageview","u":"https://e.com/app#/settings","h":1}""").Pathname);
        Assert.Equal("/app", Valid("""{"n":"pageview","u":"https://e.com/app#/settings","h":0}""").Pathname);
    }

    [Fact]
    public void Only_campaign_parameters_and_click_ids_are_kept_from_the_query()
    {
        var e = Valid("""{"n":"pageview","u":"https://e.com/?email=me%40x.org&utm_source=news+letter&ref=hn&gclid=abc&token=secret&source=x"}""");
        Assert.Equal([new("utm_source", "news letter"), new("ref", "hn"), new("gclid", "abc"), new("source", "x")], e.Query);
    }

    [Fact]
    public void Referrers_are_truncated_to_2000_characters()
    {
        var referrer = "https://r.com/" + new string('r', 3000);
        Assert.Equal(2000, Valid($$"""{"n":"pageview","u":"https://e.com/","r":"{{referrer}}"}""").Referrer!.Length);
        Assert.Null(Valid("""{"n":"pageview","u":"https://e.com/","r":null}""").Referrer);
    }

    [Fact]
    public void Props_are_stringified_and_empty_or_structured_values_dropped()
    {
        var e = Valid("""{"n":"Signup","u":"https://e.com/","p":{"plan":"pro","seats":12,"yearly":true,"x":null,"l":[1],"m":{"a":1},"blank":" "}}""");
        Assert.Equal([new("plan", "pro"), new("seats", "12"), new("yearly", "true")], e.Props);
    }

    [Fact]
    public void Props_may_be_a_json_string()
    {
        Assert.Equal([new("a", "1")], Valid("""{"n":"x","u":"https://e.com/","p":"{\"a\":1}"}""").Props);
        Assert.Empty(Valid("""{"n":"x","u":"https://e.com/","p":"not json"}""").Props);
    }

    [Fact]
    public void At_most_30_props_are_kept()
    {
        var props = string.Join(',', Enumerable.Range(0, 40).Select(i => $"\"k{i}\":\"v\""));
        var e = Valid("""{"n":"x","u":"https://e.com/","p":{""" + props + "}}");
        Assert.Equal(30, e.Props.Count);
        Assert.Equal("k0", e.Props[0].Key);
    }

    [Fact]
    public void Oversized_prop_keys_or_values_reject_the_event()
    {
        const string message = "keys should have at most 300 bytes and values 2000 bytes";
        Assert.Equal([message], Parse($$$"""{"n":"x","u":"https://e.com/","p":{"{{{new string('k', 301)}}}":"v"}}""").Errors!["props"]);
        Assert.Equal([message], Parse($$$"""{"n":"x","u":"https://e.com/","p":{"k":"{{{new string('é', 1001)}}}"}}""").Errors!["props"]);
    }

    [Fact]
    public void Engagement_clamps_scroll_depth_and_marks_it_unknown_when_missing()
    {
        Assert.Equal(new Engagement(100, 5000), Valid("""{"n":"engagement","u":"https://e.com/","sd":140,"e":5000}""").Engagement);
        Assert.Equal(new Engagement(Engagement.UnknownScrollDepth, 10), Valid("""{"n":"engagement","u":"https://e.com/","e":10}""").Engagement);
        Assert.Equal(new Engagement(40, null), Valid("""{"n":"engagement","u":"https://e.com/","sd":40}""").Engagement);
        Assert.Null(Valid("""{"n":"pageview","u":"https://e.com/","sd":40}""").Engagement);
    }

    [Fact]
    public void Interactive_defaults_to_true() => Assert.True(Valid("""{"n":"x","u":"https://e.com/"}""").Interactive);
}
