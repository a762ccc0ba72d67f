using System.Collections.Concurrent;
using Candor.Site.Liquid.Values;
using Fluid;
using Fluid.Values;

namespace Candor.Site.Liquid.Filters;

/// <summary>
/// Jekyll's array filters (<c>where</c>, <c>where_exp</c>, <c>group_by</c>, <c>sort</c>, <c>push</c>…).
/// The <c>*_exp</c> filters take a Liquid expression as text; it is parsed once and reused.
/// </summary>
internal static class ArrayFilters
{
    public static FilterCollection WithArrayFilters(this FilterCollection filters, FluidParser parser)
    {
        var expressions = new Expressions(parser);
        filters.AddFilter("where", Where);
        filters.AddFilter("where_exp", (input, args, context) => WhereExp(input, args, context, expressions, findOne: false));
        filters.AddFilter("find", Find);
        filters.AddFilter("find_exp", (input, args, context) => WhereExp(input, args, context, expressions, findOne: true));
        filters.AddFilter("group_by", GroupBy);
        filters.AddFilter("group_by_exp", (input, args, context) => GroupByExp(input, args, context, expressions));
        filters.AddFilter("sort", Sort);
        filters.AddFilter("sample", Sample);
        filters.AddFilter("push", (input, args, context) => Copy(input, context, list => list.Add(args.At(0))));
        filters.AddFilter("unshift", (input, args, context) => Copy(input, context, list => list.Insert(0, args.At(0))));
        filters.AddFilter("pop", (input, args, context) => Copy(input, context, list => list.RemoveRange(Math.Max(0, list.Count - Count(args)), Math.Min(list.Count, Count(args)))));
        filters.AddFilter("shift", (input, args, context) => Copy(input, context, list => list.RemoveRange(0, Math.Min(list.Count, Count(args)))));
        filters.AddFilter("array_to_sentence_string", ArrayToSentence);
        return filters;
    }

    /// <summary>Parsed <c>where_exp</c>-style expressions, shared by all renders.</summary>
    private sealed class Expressions(FluidParser parser)
    {
        private readonly ConcurrentDictionary<string, IFluidTemplate> _conditions = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, IFluidTemplate> _values = new(StringComparer.Ordinal);

        public IFluidTemplate Condition(string expression) =>
            _conditions.GetOrAdd(expression, e => Parse("{% if " + e + " %}1{% endif %}", e));

        public IFluidTemplate Value(string expression) =>
            _values.GetOrAdd(expression, e => Parse("{{ " + e + " }}", e));

        private IFluidTemplate Parse(string source, string expression) =>
            parser.TryParse(source, out var template, out var error) ? template
                : throw new InvalidOperationException($"Invalid expression '{expression}': {error}");
    }

    private static async ValueTask<string> Evaluate(IFluidTemplate template, string variable, FluidValue item, TemplateContext context)
    {
        context.EnterChildScope();
        try
        {
            context.SetValue(variable, item);
            using var writer = new StringWriter();
            await template.RenderAsync(writer, NullEncoder.Default, context);
            return writer.ToString();
        }
        finally
        {
            context.ReleaseScope();
        }
    }

    // Jekyll's where compares as strings, and matches an array property when it includes the value.
    private static async ValueTask<FluidValue> Where(FluidValue input, FilterArguments args, TemplateContext context)
    {
        var property = args.At(0).S();
        var target = args.At(1);
        var matches = new List<FluidValue>();
        foreach (var item in Candidates(input, context))
            if (Matches(await FilterArgs.PropertyAsync(item, property, context), target)) matches.Add(item);
        return FilterArgs.Array(matches);
    }

    private static async ValueTask<FluidValue> Find(FluidValue input, FilterArguments args, TemplateContext context)
    {
        var property = args.At(0).S();
        foreach (var item in Candidates(input, context))
            if (Matches(await FilterArgs.PropertyAsync(item, property, context), args.At(1))) return item;
        return NilValue.Instance;
    }

    private static bool Matches(FluidValue value, FluidValue target)
    {
        if (target.IsNil()) return value.IsNil() || (value is StringValue or ArrayValue && value.S().Length == 0 && value is not ArrayValue { Values.Count: > 0 });
        if (value is ArrayValue array) return array.Values.Any(v => v.S() == target.S());
        return value.S() == target.S();
    }

    // Jekyll runs these over a hash's values.
    private static IReadOnlyList<FluidValue> Candidates(FluidValue input, TemplateContext context) => input switch
    {
        HashValue hash => hash.Hash.Values.Select(v => FluidValue.Create(v, context.Options)).ToList(),
        _ => input.Items(context),
    };

    private static async ValueTask<FluidValue> WhereExp(FluidValue input, FilterArguments args, TemplateContext context, Expressions expressions, bool findOne)
    {
        var variable = args.At(0).S();
        var condition = expressions.Condition(args.At(1).S());
        var matches = new List<FluidValue>();
        foreach (var item in Candidates(input, context))
        {
            if (await Evaluate(condition, variable, item, context) != "1") continue;
            if (findOne) return item;
            matches.Add(item);
        }
        return findOne ? NilValue.Instance : FilterArgs.Array(matches);
    }

    private static async ValueTask<FluidValue> GroupBy(FluidValue input, FilterArguments args, TemplateContext context)
    {
        var property = args.At(0).S();
        var keys = new List<string>();
        foreach (var item in input.Items(context)) keys.Add((await FilterArgs.PropertyAsync(item, property, context)).S());
        return Grouped(input.Items(context), keys);
    }

    private static async ValueTask<FluidValue> GroupByExp(FluidValue input, FilterArguments args, TemplateContext context, Expressions expressions)
    {
        var variable = args.At(0).S();
        var expression = expressions.Value(args.At(1).S());
        var keys = new List<string>();
        foreach (var item in input.Items(context)) keys.Add(await Evaluate(expression, variable, item, context));
        return Grouped(input.Items(context), keys);
    }

    /// <summary>Jekyll's group shape: <c>{"name", "items", "size"}</c>, groups in order of first appearance.</summary>
    private static ArrayValue Grouped(IReadOnlyList<FluidValue> items, List<string> keys)
    {
        var groups = new List<(string Name, List<FluidValue> Items)>();
        for (var i = 0; i < items.Count; i++)
        {
            var index = groups.FindIndex(g => g.Name == keys[i]);
            if (index < 0) groups.Add((keys[i], [items[i]]));
            else groups[index].Items.Add(items[i]);
        }
        return FilterArgs.Array(groups.Select(g => (FluidValue)new HashValue(new Dictionary<string, object?>
        {
            ["name"] = g.Name,
            ["items"] = FilterArgs.Array(g.Items),
            ["size"] = g.Items.Count,
        })));
    }

    private static async ValueTask<FluidValue> Sort(FluidValue input, FilterArguments args, TemplateContext context)
    {
        if (input.IsNil()) throw new ArgumentException("Cannot sort a null object.");
        // Ruby's Hash#sort gives [key, value] pairs ordered by key (e.g. `site.categories | sort`).
        if (input is HashValue hash && args.At(0).IsNil())
            return FilterArgs.Array(hash.Hash.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (FluidValue)HashValue.Pair(e, context.Options)));
        var items = input.Items(context);
        if (args.At(0).IsNil()) return FilterArgs.Array(items.Order(RubyComparer.Instance));

        var property = args.At(0).S();
        var nils = args.Count > 1 ? args.At(1).S() : "first";
        if (nils is not ("first" or "last"))
            throw new ArgumentException($"Invalid nils order: '{nils}' is not a valid nils order. It must be 'first' or 'last'.");
        var keyed = new List<(FluidValue Key, FluidValue Item)>();
        foreach (var item in items) keyed.Add((await FilterArgs.PropertyAsync(item, property, context), item));
        var nilOrder = nils == "first" ? -1 : 1;
        return FilterArgs.Array(keyed.Order(Comparer<(FluidValue Key, FluidValue Item)>.Create((a, b) =>
            (a.Key.IsNil(), b.Key.IsNil()) switch
            {
                (true, true) => 0,
                (true, false) => nilOrder,
                (false, true) => -nilOrder,
                _ => RubyComparer.Instance.Compare(a.Key, b.Key),
            })).Select(pair => pair.Item));
    }

    private static ValueTask<FluidValue> Sample(FluidValue input, FilterArguments args, TemplateContext context)
    {
        var items = input.Items(context);
        if (args.Count == 0) return new(items.Count == 0 ? NilValue.Instance : items[Random.Shared.Next(items.Count)]);
        return new(FilterArgs.Array(items.OrderBy(_ => Random.Shared.Next()).Take(Count(args))));
    }

    private static int Count(FilterArguments args) => args.Count == 0 ? 1 : (int)args.At(0).ToNumberValue();

    // Jekyll's push/pop/shift/unshift return a changed copy and leave the original alone.
    private static ValueTask<FluidValue> Copy(FluidValue input, TemplateContext context, Action<List<FluidValue>> change)
    {
        if (input is not ArrayValue array) return new(input);
        var list = array.Values.ToList();
        change(list);
        return new(FilterArgs.Array(list));
    }

    private static ValueTask<FluidValue> ArrayToSentence(FluidValue input, FilterArguments args, TemplateContext context)
    {
        var connector = args.Count > 0 ? args.At(0).S() : "and";
        var words = input.Items(context).Select(v => v.S()).ToList();
        var text = words.Count switch
        {
            0 => "",
            1 => words[0],
            2 => $"{words[0]} {connector} {words[1]}",
            _ => $"{string.Join(", ", words.Take(words.Count - 1))}, {connector} {words[^1]}",
        };
        return new(new StringValue(text));
    }
}
