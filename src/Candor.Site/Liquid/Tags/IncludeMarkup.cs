using System.Text.RegularExpressions;
using Fluid;
using Fluid.Ast;
using Candor.Site.Liquid.Values;
using Fluid.Values;

namespace Candor.Site.Liquid.Tags;

/// <summary>
/// The text after <c>include</c> in Jekyll's syntax: a file name (which may contain <c>{{ … }}</c>) and
/// <c>key=value</c> parameters, where a value is a quoted string or a variable.
/// </summary>
internal sealed partial class IncludeMarkup
{
    // Jekyll's own grammar for include parameters.
    [GeneratedRegex("""\s*([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.\-\[\]]+))""")]
    private static partial Regex Parameter();

    // A name containing {{ … }} ends where its last output tag's trailing non-space text ends.
    [GeneratedRegex(@"^(?<name>[^{]*(?:\{\{\s*[\w\-.]+\s*(?:\|.*?)?\}\}[^\s{}]*)+)(?<params>.*)$", RegexOptions.Singleline)]
    private static partial Regex VariableName();

    private readonly string? _fixedName;
    private readonly IFluidTemplate? _nameTemplate;
    private readonly List<(string Key, Expression Value)> _parameters = [];

    public IncludeMarkup(string markup, FluidParser parser, int line)
    {
        Line = line;
        markup = markup.Trim();
        string parameters;
        var variable = VariableName().Match(markup);
        if (markup.Contains("{{") && variable.Success)
        {
            if (!parser.TryParse(variable.Groups["name"].Value.Trim(), out var template, out var error))
                throw new ParseException($"Invalid include name '{variable.Groups["name"].Value}': {error}");
            _nameTemplate = template;
            parameters = variable.Groups["params"].Value;
        }
        else
        {
            var parts = markup.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) throw new ParseException("The include tag needs a file name");
            _fixedName = parts[0];
            parameters = parts.Length > 1 ? parts[1] : "";
        }

        var position = 0;
        foreach (Match match in Parameter().Matches(parameters))
        {
            if (parameters[position..match.Index].Trim().Length > 0) break;
            position = match.Index + match.Length;
            var value = match.Groups[2].Success ? Literal(match.Groups[2].Value)
                : match.Groups[3].Success ? Literal(match.Groups[3].Value)
                : Variable(match.Groups[4].Value);
            _parameters.Add((match.Groups[1].Value, value));
        }
        if (parameters[position..].Trim().Length > 0)
            throw new ParseException(
                $"Invalid syntax for include tag: '{markup}'. Valid syntax: {{% include file.ext param='value' param2='value' %}}");
    }

    /// <summary>Line of the tag in its template, for error messages.</summary>
    public int Line { get; }

    public bool HasParameters => _parameters.Count > 0;

    public async ValueTask<string> NameAsync(TemplateContext context)
    {
        if (_fixedName is not null) return _fixedName;
        using var writer = new StringWriter();
        await _nameTemplate!.RenderAsync(writer, NullEncoder.Default, context);
        return writer.ToString().Trim();
    }

    public async ValueTask<HashValue> ParametersAsync(TemplateContext context)
    {
        var values = new Dictionary<string, object?>(_parameters.Count);
        foreach (var (key, expression) in _parameters) values[key] = await expression.EvaluateAsync(context);
        return new HashValue(values);
    }

    private static Expression Literal(string quoted) =>
        new LiteralExpression(new StringValue(Regex.Replace(quoted, @"\\(.)", "$1")));

    /// <summary>A bare value is looked up like a Liquid expression: numbers and keywords, else a variable path.</summary>
    internal static Expression Variable(string path)
    {
        if (decimal.TryParse(path, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
            return new LiteralExpression(NumberValue.Create(number));
        switch (path)
        {
            case "true": return new LiteralExpression(BooleanValue.True);
            case "false": return new LiteralExpression(BooleanValue.False);
            case "nil" or "null": return new LiteralExpression(NilValue.Instance);
        }
        var segments = new List<MemberSegment>();
        foreach (Match part in Regex.Matches(path, @"([^.\[\]]+)|\[(\d+)\]"))
        {
            segments.Add(part.Groups[2].Success
                ? new IndexerSegment(new LiteralExpression(NumberValue.Create(int.Parse(part.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))))
                : new IdentifierSegment(part.Groups[1].Value));
        }
        return segments.Count == 0 ? new LiteralExpression(NilValue.Instance) : new MemberExpression(segments);
    }
}
