using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Ast;

namespace Candor.Site.Liquid.Tags;

/// <summary>
/// Jekyll's <c>highlight</c> block with Rouge's HTML wrapper. Rouge's token spans
/// (<c>&lt;span class="k"&gt;</c>…) come from Rouge's per-language lexers, which have no .NET
/// equivalent here, so the code is only HTML-escaped: the page looks right, only unstyled.
/// </summary>
internal static partial class HighlightTag
{
    // Jekyll's syntax: a language, then options like `linenos` or `mark_lines="1 2"`.
    [GeneratedRegex("""^([a-zA-Z0-9.+#_-]+)((\s+\w+(=(\w+|"([0-9]+\s)*[0-9]+"))?)*)$""")]
    private static partial Regex Syntax();

    public sealed record Markup(string Language, bool LineNumbers);

    public static Markup Parse(string markup)
    {
        var match = Syntax().Match(markup.Trim());
        if (!match.Success)
            throw new ParseException($"Syntax Error in tag 'highlight' while parsing the following markup: {markup.Trim()}. Valid syntax: highlight <lang> [linenos]");
        var options = match.Groups[2].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new Markup(match.Groups[1].Value.ToLowerInvariant(), options.Any(o => o == "linenos" || o.StartsWith("linenos=", StringComparison.Ordinal)));
    }

    public static async ValueTask<Completion> RenderAsync(
        Markup markup, IReadOnlyList<Statement> body, TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        using var inner = new StringWriter();
        foreach (var statement in body) await statement.WriteToAsync(inner, encoder, context);
        // Jekyll drops leading and trailing line breaks of the block.
        var code = inner.ToString().TrimStart('\r', '\n').TrimEnd('\r', '\n');
        // Rouge escapes only these three characters.
        var escaped = code.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

        var html = new StringBuilder();
        html.Append($"<figure class=\"highlight\"><pre><code class=\"language-{markup.Language.Replace('+', '-')}\" data-lang=\"{markup.Language}\">");
        if (markup.LineNumbers)
        {
            var lines = code.Split('\n').Length;
            html.Append("<table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\"><pre class=\"lineno\">");
            for (var i = 1; i <= lines; i++) html.Append(i).Append('\n');
            html.Append("</pre></td><td class=\"code\"><pre>").Append(escaped).Append("\n</pre></td></tr></tbody></table>");
        }
        else
        {
            html.Append(escaped);
        }
        html.Append("</code></pre></figure>");
        await writer.WriteAsync(html.ToString());
        return Completion.Normal;
    }
}
