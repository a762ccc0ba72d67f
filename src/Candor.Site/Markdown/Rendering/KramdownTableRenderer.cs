using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Candor.Site.Markdown.Rendering;

/// <summary>kramdown's table layout: thead/tbody, one element per line, <c>style="text-align: …"</c> per cell.</summary>
internal sealed class KramdownTableRenderer : HtmlObjectRenderer<Table>
{
    protected override void Write(HtmlRenderer renderer, Table table)
    {
        var r = (KramdownHtmlRenderer)renderer;
        r.WriteIndent().Write("<table").WriteKramdownAttributes(table).Write('>').WriteLine();
        r.Indent += 2;
        var rows = table.OfType<TableRow>().ToList();
        WriteSection(r, table, "thead", rows.Where(x => x.IsHeader).ToList(), "th");
        WriteSection(r, table, "tbody", rows.Where(x => !x.IsHeader).ToList(), "td");
        r.Indent -= 2;
        r.WriteIndent().Write("</table>").WriteLine();
    }

    private static void WriteSection(KramdownHtmlRenderer r, Table table, string section, List<TableRow> rows, string cellTag)
    {
        if (rows.Count == 0)
            return;
        r.WriteIndent().Write('<').Write(section).Write('>').WriteLine();
        r.Indent += 2;
        foreach (var row in rows)
        {
            r.WriteIndent().Write("<tr>").WriteLine();
            r.Indent += 2;
            for (var i = 0; i < row.Count; i++)
            {
                var cell = (TableCell)row[i];
                var column = cell.ColumnIndex >= 0 ? cell.ColumnIndex : i;
                var align = column < table.ColumnDefinitions.Count ? table.ColumnDefinitions[column].Alignment : null;
                r.WriteIndent().Write('<').Write(cellTag);
                if (align is { } a)
                    r.Write(" style=\"text-align: ").Write(a switch { TableColumnAlign.Center => "center", TableColumnAlign.Right => "right", _ => "left" }).Write('"');
                r.Write('>');
                foreach (var block in cell)
                {
                    if (block is LeafBlock leaf)
                        r.WriteLeafInline(leaf);
                }
                r.Write("</").Write(cellTag).Write('>').WriteLine();
            }
            r.Indent -= 2;
            r.WriteIndent().Write("</tr>").WriteLine();
        }
        r.Indent -= 2;
        r.WriteIndent().Write("</").Write(section).Write('>').WriteLine();
    }
}
