using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace Candor.Site.Markdown.Lists;

/// <summary>The checkbox kramdown-parser-gfm puts in place of a list item's leading <c>[ ]</c> or <c>[x]</c>.</summary>
internal sealed class TaskCheckboxInline : LeafInline
{
    public bool Checked { get; init; }
}

internal sealed class TaskCheckboxRenderer : HtmlObjectRenderer<TaskCheckboxInline>
{
    protected override void Write(HtmlRenderer renderer, TaskCheckboxInline obj) =>
        renderer.Write(obj.Checked
            ? "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" checked=\"checked\" />"
            : "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" />");
}
