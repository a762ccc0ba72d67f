namespace Candor.Site.Tests.Liquid;

/// <summary>
/// Hashes, arrays of hashes, dates and floats from front matter. Expected strings come from Jekyll 4.3.1
/// with the same data in YAML front matter (see <see cref="LiquidFixture.Globals"/>).
/// </summary>
public class DataParityTests
{
    [Theory]
    [InlineData("""{{ page.h }}|{{ page.h.size }}|{% for p in page.h %}{{ p[0] }}={{ p[1] }};{% endfor %}|{{ page.h.first }}|{{ page.h | jsonify }}|{{ page.h | inspect }}""",
        """{"a"=>1, "b"=>[1, 2], "c"=>"x"}|3|a=1;b=12;c=x;|a1|{"a":1,"b":[1,2],"c":"x"}|{&quot;a&quot;=&gt;1, &quot;b&quot;=&gt;[1, 2], &quot;c&quot;=&gt;&quot;x&quot;}""")]
    [InlineData("""{% if page.h contains "a" %}Y{% endif %}|{% if page.h == empty %}E{% endif %}|{% if page.none == empty %}N{% endif %}|{% if page.tags.size > 1 %}S{% endif %}|{{ page.h["b"] }}|{{ page.h.b }}""",
        "Y|||S|12|12")]
    public void Hashes(string template, string expected) => Assert.Equal(expected, LiquidFixture.Render(template));

    [Theory]
    [InlineData("""{{ page.people | where: "role", "dev" | map: "name" | join: "," }}|{{ page.people | where_exp: "p", "p.age > 30" | map: "name" | join: "," }}|{{ page.people | find: "role", "ops" | map: "name" }}|{{ page.people | find_exp: "p", "p.role == 'ops'" }}""",
        """Ann,Cid,Dee|Ann,Dee|Bob|{"name"=>"Bob", "role"=>"ops", "age"=>25}""")]
    [InlineData("""{% assign g = page.people | group_by: "role" %}{% for x in g %}{{ x.name }}:{{ x.size }}:{{ x.items | map: "name" | join: "+" }};{% endfor %}|{{ page.people | group_by: "role" | first | inspect }}""",
        "dev:3:Ann+Cid+Dee;ops:1:Bob;|{&quot;name&quot;=&gt;&quot;dev&quot;, &quot;items&quot;=&gt;[{&quot;name&quot;=&gt;&quot;Ann&quot;, &quot;role&quot;=&gt;&quot;dev&quot;, &quot;age&quot;=&gt;41}, {&quot;name&quot;=&gt;&quot;Cid&quot;, &quot;role&quot;=&gt;&quot;dev&quot;}, {&quot;name&quot;=&gt;&quot;Dee&quot;, &quot;role&quot;=&gt;&quot;dev&quot;, &quot;age&quot;=&gt;33}], &quot;size&quot;=&gt;3}")]
    [InlineData("""{{ page.people | sort: "age" | map: "name" | join: "," }}|{{ page.people | sort: "age", "last" | map: "name" | join: "," }}|{{ page.people | group_by_exp: "p", "p.age | plus: 0 | modulo: 2" | map: "name" | join: "," }}""",
        "Cid,Bob,Dee,Ann|Bob,Dee,Ann,Cid|1,0")]
    [InlineData("""{{ page.tags | array_to_sentence_string }}|{{ page.tags | jsonify }}|{{ page.people[0].name }}|{{ page.people.first.name }}|{{ page.people | size }}""",
        """a, b, and c|["a","b","c"]|Ann|Ann|4""")]
    public void ArraysOfHashes(string template, string expected) => Assert.Equal(expected, LiquidFixture.Render(template));

    [Theory]
    [InlineData("""{{ page.d }}|{{ page.d | date: "%b %-d, %Y" }}|{{ page.d | date_to_xmlschema }}|{{ page.f }}|{{ page.f | times: 2 }}|{{ page.people | map: "age" | compact | join: "," }}|{{ page.people | map: "name" | inspect }}""",
        "2022-10-20 10:05:03 +0200|Oct 20, 2022|2022-10-20T08:05:03+00:00|1.5|3.0|41,25,33|[&quot;Ann&quot;, &quot;Bob&quot;, &quot;Cid&quot;, &quot;Dee&quot;]")]
    [InlineData("""{{ 5 | size }}|{{ nil | size }}|{{ page.tags | first }}|{{ "abc" | first }}|{{ 1.25 | round: 1 }}|{{ 10 | divided_by: 3.0 }}|{{ 2 | times: 3.5 }}|{{ 5.0 | divided_by: 2 }}|{{ 1 | plus: 1.0 }}""",
        "8|0|a||1.3|3.3333333333333335|7.0|2.5|2.0")]
    [InlineData("""{{ "Ünïcödé Straße" | slugify: "latin" }}|{{ "C'est l'été" | slugify }}|{{ "  --Hi--  " | slugify }}|{{ page.people | map: "name" | sort_natural | join }}|{{ "<p>hi</p>" | strip_html }}""",
        "unicode-strasse|c-est-l-été|hi|Ann Bob Cid Dee|hi")]
    public void DatesNumbersText(string template, string expected) => Assert.Equal(expected, LiquidFixture.Render(template));

    [Fact]
    public void Dates_compare_and_odd_date_inputs_pass_through()
    {
        var globals = LiquidFixture.Globals();
        ((Dictionary<string, object?>)globals["site"]!)["time"] = DateTimeOffset.Now;
        var output = LiquidFixture.Render(
            """{% if page.d < site.time %}past{% endif %}|{% if page.d > site.time %}F{% else %}P{% endif %}|{% assign e = "" | split: "," %}{% if e %}T{% endif %}|{% if e == empty %}E{% endif %}|{{ "now" | date: "%Y" | size }}""",
            globals: globals);
        Assert.Equal("past|P|T|E|4", output);
    }

    [Fact]
    public void Date_filter_inputs_like_ruby()
    {
        var output = LiquidFixture.Render(
            """{{ page.list | sort: nil }}|{{ "a" | date: "%Y" }}|{{ "" | date: "%Y" }}|{{ nil | date: "%Y" }}|{{ 1666224000 | date: "%F %T" }}|{{ "2022-10-20" | date: "%c" }}|{{ "2022-10-20T01:02:03Z" | date: "%H:%M %z" }}""");
        Assert.Equal("123|a|||2022-10-20 00:00:00|Thu Oct 20 00:00:00 2022|01:02 +0000", output);
    }
}
