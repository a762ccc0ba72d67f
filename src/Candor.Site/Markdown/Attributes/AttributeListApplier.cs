using Markdig.Syntax;

namespace Candor.Site.Markdown.Attributes;

/// <summary>
/// Moves block IALs onto their blocks after parsing, by kramdown's rule: an IAL directly below a block
/// (no blank line in between) belongs to that block, otherwise to the next block. ALDs are collected
/// first so that IALs can reference definitions that appear later in the document.
/// </summary>
internal static class AttributeListApplier
{
    public static void Apply(MarkdownDocument document)
    {
        var definitions = new Dictionary<string, KramdownAttributes>(StringComparer.Ordinal);
        foreach (var ald in document.Descendants<AttributeListBlock>())
        {
            if (ald.DefinitionName is null)
                continue;
            var attrs = new KramdownAttributes();
            AttributeListSyntax.TryApply(ald.Body, attrs, null);
            definitions[ald.DefinitionName] = attrs;
        }

        var containers = new List<ContainerBlock> { document };
        containers.AddRange(document.Descendants<ContainerBlock>());
        foreach (var container in containers)
            ApplyWithin(container, document, definitions);
    }

    private static void ApplyWithin(ContainerBlock container, MarkdownDocument document, Dictionary<string, KramdownAttributes> definitions)
    {
        KramdownAttributes? pending = null;
        Block? previous = null;
        var ials = new List<Block>();
        foreach (var child in container)
        {
            if (child is AttributeListBlock ial)
            {
                ials.Add(ial);
                if (ial.DefinitionName is not null)
                    continue;
                var attrs = new KramdownAttributes();
                if (!AttributeListSyntax.TryApply(ial.Body, attrs, definitions))
                    continue;
                if (previous is not null && SourceLines.EndLine(previous, document) + 1 >= ial.Line)
                    KramdownAttributes.Of(previous).MergeFrom(attrs);
                else
                    (pending ??= new KramdownAttributes()).MergeFrom(attrs);
                continue;
            }
            if (pending is not null)
            {
                KramdownAttributes.Of(child).MergeFrom(pending);
                pending = null;
            }
            previous = child;
        }
        foreach (var ial in ials)
            container.Remove(ial);
    }
}
