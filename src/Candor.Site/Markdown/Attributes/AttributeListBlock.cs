using Markdig.Parsers;
using Markdig.Syntax;

namespace Candor.Site.Markdown.Attributes;

/// <summary>
/// A line holding a block IAL (<c>{: .class}</c>) or an attribute list definition (<c>{:name: .class}</c>).
/// It renders nothing; <see cref="AttributeListApplier"/> moves its attributes onto the neighbouring block.
/// </summary>
internal sealed class AttributeListBlock(BlockParser parser) : LeafBlock(parser)
{
    public string Body { get; init; } = "";

    /// <summary>Set for an ALD: the name that later IALs reference.</summary>
    public string? DefinitionName { get; init; }
}
