using Candor.Site.Liquid;

namespace Candor.Site.Tests.Liquid;

/// <summary>Jekyll's tags: highlight, include_relative, post_url, link, and how their failures are reported.</summary>
public class JekyllTagTests
{
    // Jekyll 4.3.1 wraps Rouge output like this; Rouge's token spans are not reproduced (see HighlightTag).
    [Fact]
    public void Highlight_wraps_escaped_code_like_rouge_without_token_spans()
    {
        var output = LiquidFixture.Render("{% highlight ruby %}\na = \"x\" && 'y'\nb = 1\n{% endhighlight %}");
        Assert.Equal("<figure class=\"highlight\"><pre><code class=\"language-ruby\" data-lang=\"ruby\">a = \"x\" &amp;&amp; 'y'\nb = 1</code></pre></figure>", output);
    }

    [Fact]
    public void Highlight_with_linenos_uses_rouge_table()
    {
        var output = LiquidFixture.Render("{% highlight c++ linenos %}\nx < 1\ny\n{% endhighlight %}");
        Assert.Equal("<figure class=\"highlight\"><pre><code class=\"language-c--\" data-lang=\"c++\"><table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\"><pre class=\"lineno\">1\n2\n</pre></td><td class=\"code\"><pre>x &lt; 1\ny\n</pre></td></tr></tbody></table></code></pre></figure>", output);
    }

    [Fact]
    public void Highlight_renders_liquid_inside_the_block_first()
    {
        Assert.Contains(">Hello<", LiquidFixture.Render("{% highlight text %}{{ page.title }}{% endhighlight %}"));
    }

    [Fact]
    public void Post_url_and_link_put_baseurl_in_front_like_jekyll_4()
    {
        var host = LiquidFixture.Host();
        host.Posts["2010-07-21-name"] = "/2010/07/21/name.html";
        host.Links["docs/about.md"] = "/docs/about.html";
        var output = LiquidFixture.Render("{% post_url 2010-07-21-name %}|{% link docs/about.md %}|{% assign p = \"docs/about.md\" %}{% link {{ p }} %}", host);
        Assert.Equal("/blog/2010/07/21/name.html|/blog/docs/about.html|/blog/docs/about.html", output);
    }

    [Fact]
    public void Missing_post_fails_naming_file_and_line()
    {
        var e = Assert.Throws<SiteException>(() => LiquidFixture.Render("a\nb {% post_url 2000-01-01-nope %}"));
        Assert.Equal("index.html", e.File);
        Assert.Equal(5, e.Line); // line 2 of the template, after 3 front-matter lines
        Assert.Contains("2000-01-01-nope", e.Message);
    }

    [Fact]
    public void Include_relative_resolves_against_the_including_file()
    {
        var host = LiquidFixture.Host();
        host.Files["docs/part.md"] = "part {{ page.title }}";
        var engine = new LiquidEngine(host);
        var output = engine.Render(engine.Parse("[{% include_relative part.md %}]", "docs/index.md"), LiquidFixture.Globals());
        Assert.Equal("[part Hello]", output);
    }

    [Fact]
    public void Missing_include_names_include_including_file_and_line()
    {
        var e = Assert.Throws<SiteException>(() => LiquidFixture.Render("x\n\n{% include missing.html %}"));
        Assert.Equal("index.html", e.File);
        Assert.Equal(6, e.Line);
        Assert.Contains("'missing.html'", e.Message);
    }

    [Fact]
    public void Missing_include_inside_an_include_names_the_include()
    {
        var host = LiquidFixture.Host();
        host.Includes["outer.html"] = "o\n{% include gone.html %}";
        var e = Assert.Throws<SiteException>(() => LiquidFixture.Render("{% include outer.html %}", host));
        Assert.Equal("_includes/outer.html", e.File);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void Syntax_error_reports_line_with_front_matter_offset()
    {
        var engine = new LiquidEngine(LiquidFixture.Host());
        var e = Assert.Throws<SiteException>(() => engine.Parse("ok\n{{ a | }}\n", "about.md", 4));
        Assert.Equal("about.md", e.File);
        Assert.Equal(6, e.Line);
    }

    [Fact]
    public void Include_params_are_scoped_and_assigns_inside_includes_reach_the_page()
    {
        var host = LiquidFixture.Host();
        host.Includes["set.html"] = "{% assign from_include = include.v %}";
        var output = LiquidFixture.Render("{% include set.html v=\"x\" %}{{ from_include }}|{{ include.v }}", host);
        Assert.Equal("x|", output);
    }

    [Fact]
    public void Include_is_parsed_once_and_shared_across_parallel_renders()
    {
        var host = LiquidFixture.Host();
        var engine = new LiquidEngine(host);
        var template = engine.Parse("{% for i in (1..3) %}{% include nav/menu.html title=i count=page.title items=page.list %}{% endfor %}", "index.html");
        var outputs = new string[64];
        Parallel.For(0, outputs.Length, i => outputs[i] = engine.Render(template, LiquidFixture.Globals()));
        Assert.All(outputs, o => Assert.Equal("F[1|Hello|3,1,2]\nF[2|Hello|3,1,2]\nF[3|Hello|3,1,2]\n", o));
        Assert.Same(engine.ParseInclude(host.Includes["nav/menu.html"], "_includes/nav/menu.html"),
            engine.ParseInclude(host.Includes["nav/menu.html"], "_includes/nav/menu.html"));
    }

    [Fact]
    public void Runtime_error_names_the_file()
    {
        var e = Assert.Throws<SiteException>(() => LiquidFixture.Render("{{ 1 | divided_by: 0 }}"));
        Assert.Equal("index.html", e.File);
    }
}
