using Candor.Site.Liquid.Values;
using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Candor.Site.Liquid;

/// <summary>
/// <c>&lt; &gt; &lt;= &gt;=</c> that also order two dates (<c>{% if post.date &lt; site.time %}</c>), which Ruby
/// allows and Fluid's comparisons do not; everything else is left to Fluid's own comparison.
/// </summary>
internal sealed class TimeComparison(Expression left, Expression right, string op, Func<Expression, Expression, Expression> fluid) : Expression
{
    public static void Register(FluidParser parser)
    {
        foreach (var op in new[] { "<", ">", "<=", ">=" })
        {
            var fluid = parser.RegisteredOperators[op];
            parser.RegisteredOperators[op] = (l, r) => new TimeComparison(l, r, op, fluid);
        }
    }

    public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
    {
        var l = await left.EvaluateAsync(context);
        var r = await right.EvaluateAsync(context);
        if (TimeValue.TryGet(l, out var a) && TimeValue.TryGet(r, out var b))
        {
            var order = a.CompareTo(b);
            return BooleanValue.Create(op switch { "<" => order < 0, ">" => order > 0, "<=" => order <= 0, _ => order >= 0 });
        }
        return await fluid(new LiteralExpression(l), new LiteralExpression(r)).EvaluateAsync(context);
    }
}
