namespace Candor.Site.Tests.Liquid;

/// <summary>
/// Expected strings were produced by Jekyll 4.3.1 (Liquid 4.0.4, Ruby 3.1) on a site with
/// baseurl "/blog", url "https://example.com", timezone UTC and the page/front matter of
/// <see cref="LiquidFixture.Globals"/>.
/// </summary>
public class JekyllParityTests
{
    [Theory]
    [InlineData("""{{ "2022-10-20 00:00:00 +0000" | date: "%-d %-m %e %B %b %A %a %Y %y %H %I %M %S %p %Z %z %j %s %L %N %%" }}""",
        "20 10 20 October Oct Thursday Thu 2022 22 00 12 00 00 AM UTC +0000 293 1666224000 000 000000000 %")]
    [InlineData("""{% assign d = "2022-10-20 00:00:00 +0000" %}{{ d | date_to_xmlschema }}|{{ d | date_to_rfc822 }}|{{ d | date_to_string }}|{{ d | date_to_long_string }}""",
        "2022-10-20T00:00:00+00:00|Thu, 20 Oct 2022 00:00:00 +0000|20 Oct 2022|20 October 2022")]
    [InlineData("""{{ "2022-10-01" | date_to_string: "ordinal" }}|{{ "2022-10-02" | date_to_string: "ordinal", "US" }}|{{ "2022-10-23" | date_to_long_string: "ordinal" }}|{{ "2022-10-13" | date_to_long_string: "ordinal", "US" }}""",
        "1st Oct 2022|Oct 2nd, 2022|23rd October 2022|October 13th, 2022")]
    public void Dates(string template, string expected) => Assert.Equal(expected, LiquidFixture.Render(template));

    [Theory]
    [InlineData("""{{ page.list | jsonify }}|{{ nil | jsonify }}|{{ 1.5 | jsonify }}""", "[3,1,2]|null|1.5")]
    [InlineData("""{{ page.list | inspect }}|{{ "x" | inspect }}|{{ nil | inspect }}|{{ 1.0 | inspect }}""", "[3, 1, 2]|&quot;x&quot;|nil|1.0")]
    public void JsonAndInspect(string template, string expected) => Assert.Equal(expected, LiquidFixture.Render(template));

    [Theory]
    [InlineData("""{{ page.list | array_to_sentence_string }}|{{ "a,b" | split: "," | array_to_sentence_string }}|{{ "a" | split: "," | array_to_sentence_string }}|{{ "a,b,c" | split: "," | array_to_sentence_string: "or" }}""",
        "3, 1, and 2|a and b|a|a, b, or c")]
    [InlineData("""{{ page.list | sort | join }}|{{ page.list | push: 4 | join: "," }}|{{ page.list | pop | join: "," }}|{{ page.list | shift | join: "," }}|{{ page.list | unshift: 0 | join: "," }}""",
        "1 2 3|3,1,2,4|3,1|1,2|0,3,1,2")]
    [InlineData("""{{ "one two three four" | truncatewords: 2 }}|{{ "&lt; &" | escape_once }}|{{ "b,a,C" | split: "," | sort_natural | join }}|{{ "a,b,a" | split: "," | uniq | join }}""",
        "one two...|&lt; &amp;|a b C|a b")]
    [InlineData("""{{ page.list | where_exp: "i", "i > 1" | join }}|{{ page.list | sort | reverse | join }}|{{ 5 | at_least: 7 }}""", "3 2|3 2 1|7")]
    public void Arrays(string template, string expected) => Assert.Equal(expected, LiquidFixture.Render(template));

    [Theory]
    [InlineData("""{{ "Hello World! ça_va.x" | slugify }}|{{ "Hello World! ça_va.x" | slugify: "raw" }}|{{ "Hello World! ça_va.x" | slugify: "pretty" }}|{{ "Hello World! ça_va.x" | slugify: "ascii" }}|{{ "Hello World! ça_va.x" | slugify: "latin" }}|{{ "Hello World! ça_va.x" | slugify: "none" }}""",
        "hello-world-ça-va-x|hello-world!-ça_va.x|hello-world!-ça_va.x|hello-world-a-va-x|hello-world-ca-va-x|hello world! ça_va.x")]
    [InlineData("""{{ "a < b & c" | xml_escape }}|{{ "a b&c/d?" | cgi_escape }}|{{ "a b&c/d?é" | uri_escape }}|{{ "one two  three" | number_of_words }}""",
        "a &lt; b &amp; c|a+b%26c%2Fd%3F|a%20b&c/d?%C3%A9|3")]
    [InlineData("""{{ "/about/" | relative_url }}|{{ "/about/" | absolute_url }}|{{ "about" | relative_url }}|{{ nil | relative_url }}""",
        "/blog/about/|https://example.com/blog/about/|/blog/about|")]
    public void TextAndUrls(string template, string expected) => Assert.Equal(expected, LiquidFixture.Render(template));

    [Theory]
    [InlineData("""{{ 1.0 }}|{{ 3 | times: 1.0 }}|{{ 7 | divided_by: 2.0 }}|{{ 2.5 | round }}|{{ 3.14159 | round: 2 }}|{{ 12345678901234567890 }}|{{ -7 | divided_by: 2 }}|{{ 10 | modulo: 3 }}""",
        "1.0|3.0|3.5|3|3.14|12345678901234567890|-4|1")]
    [InlineData("""{{ 10 | divided_by: 4 }}|{{ 0.1 | plus: 0.2 }}|{{ 4 | minus: 1.5 }}|{{ 3 | plus: "2" }}|{{ "a" | append: 1 }}""", "2|0.3|2.5|5|a1")]
    [InlineData("""{{ "abc" | size }}|{{ page.list | size }}|{{ page.list.first }}|{{ page.list.last }}|{{ "" | default: "d" }}|{{ false | default: "d" }}|{{ nil | default: "d" }}""",
        "3|3|3|2|d|d|d")]
    [InlineData("""{{ true }}|{{ nil }}|{{ false }}|{{ "  x " | strip }}|{{ "x" | prepend: "y" }}|{{ "Hello" | slice: 1, 3 }}|{{ "a-b" | replace: "-", "+" }}|{{ "abc" | truncate: 2 }}|{{ "abcdef" | truncate: 5 }}""",
        "true||false|x|yx|ell|a+b|...|ab...")]
    [InlineData("""{{ page.title }}|{{ page.list }}|{{ site.foo }}""", "Hello|312|")]
    public void NumbersAndValues(string template, string expected) => Assert.Equal(expected, LiquidFixture.Render(template));

    [Theory]
    [InlineData("""{% if "" %}T{% else %}F{% endif %}|{% if 0 %}T{% endif %}|{% if nil %}T{% else %}F{% endif %}|{% unless false %}U{% endunless %}|{% if "abc" contains "b" %}Y{% endif %}|{% if page.list contains 2 %}Y{% endif %}""",
        "T|T|F|U|Y|Y")]
    [InlineData("""{% case 2 %}{% when 1 or 2 %}W{% else %}E{% endcase %}|{% for i in page.list %}{{ forloop.index }}{{ forloop.first }}{{ forloop.rindex }}{% endfor %}|{% for i in (1..4) %}{% cycle "a","b" %}{% endfor %}|{% increment x %}{% increment x %}{{ x }}""",
        "W|1true32false23false1|abab|012")]
    [InlineData("""{% capture c %}x{{ 1 | plus: 1 }}{% endcapture %}{{ c }}|{% assign u = "a b" | upcase %}{{ u }}|  {%- if true -%}  W  {%- endif -%}  |{% comment %}no{% endcomment %}|{{ undefined.x.y }}|{{ "x" | nofilter }}""",
        "x2|A B|W|||x")]
    [InlineData("""{% tablerow i in page.list cols:2 %}{{ i }}{% endtablerow %}""",
        "<tr class=\"row1\">\n<td class=\"col1\">3</td><td class=\"col2\">1</td></tr>\n<tr class=\"row2\"><td class=\"col1\">2</td></tr>\n")]
    public void TagsAndTruthiness(string template, string expected) => Assert.Equal(expected, LiquidFixture.Render(template));

    [Theory]
    [InlineData("""{% include footer.html %}|{% include nav/menu.html title="Home" count=3 items=page.list %}|{% assign n = "footer" %}{% include {{ n }}.html %}|{% include note %}""",
        "foot\n|F[Home|3|3,1,2]\n|foot\n|NOTE\n")]
    [InlineData("""{% raw %}{{ x }}{% endraw %}""", "{{ x }}")]
    public void JekyllTags(string template, string expected) => Assert.Equal(expected, LiquidFixture.Render(template));
}
