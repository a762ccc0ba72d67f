using Candor.Site.Markdown.Attributes;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Candor.Site.Markdown.Lists;

/// <summary>
/// List item IALs and GFM task lists. As in kramdown-parser-gfm, once an item of a list is a task item,
/// it and every later item of that list get <c>class="task-list-item"</c>, and the list gets
/// <c>class="task-list"</c>; those classes come before any classes from IALs. Must be added after the
/// attribute list extension so block IALs are already on the lists.
/// </summary>
internal sealed class KramdownListItemExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<ListItemStartParser>())
            pipeline.InlineParsers.Insert(0, new ListItemStartParser());
        pipeline.DocumentProcessed += MarkTaskLists;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        renderer.ObjectRenderers.AddIfNotAlready<TaskCheckboxRenderer>();
    }

    private static void MarkTaskLists(MarkdownDocument document)
    {
        foreach (var list in document.Descendants<ListBlock>())
        {
            var isTaskList = false;
            foreach (var block in list)
            {
                if (block is not ListItemBlock item)
                    continue;
                isTaskList |= item.Count > 0 && item[0] is ParagraphBlock { Inline.FirstChild: TaskCheckboxInline };
                if (isTaskList)
                    KramdownAttributes.Of(item).PrependClass("task-list-item");
            }
            if (isTaskList)
                KramdownAttributes.Of(list).PrependClass("task-list");
        }
    }
}
