using Markdig.Extensions.DefinitionLists;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Candor.Site.Markdown.Rendering;

/// <summary>kramdown's <c>&lt;dl&gt;</c>: a definition made of one paragraph is written without <c>&lt;p&gt;</c>.</summary>
internal sealed class KramdownDefinitionListRenderer : HtmlObjectRenderer<DefinitionList>
{
    protected override void Write(HtmlRenderer renderer, DefinitionList list)
    {
        var r = (KramdownHtmlRenderer)renderer;
        r.WriteIndent().Write("<dl").WriteKramdownAttributes(list).Write('>').WriteLine();
        r.Indent += 2;
        foreach (var item in list.OfType<DefinitionItem>())
        {
            var definition = new List<Block>();
            foreach (var block in item)
            {
                if (block is DefinitionTerm term)
                {
                    r.WriteIndent().Write("<dt>");
                    r.WriteLeafInline(term);
                    r.Write("</dt>").WriteLine();
                }
                else
                {
                    definition.Add(block);
                }
            }
            r.WriteIndent().Write("<dd>");
            if (definition is [ParagraphBlock only])
            {
                r.WriteLeafInline(only);
            }
            else
            {
                r.WriteLine();
                r.Indent += 2;
                foreach (var block in definition)
                    r.Render(block);
                r.Indent -= 2;
                r.WriteIndent();
            }
            r.Write("</dd>").WriteLine();
        }
        r.Indent -= 2;
        r.WriteIndent().Write("</dl>").WriteLine();
    }
}
