using Candor.Site.Liquid;

namespace Candor.Site.Tests.Liquid;

/// <summary>Renders snippets the way the probe site used to record Jekyll 4.3.1's output was set up.</summary>
internal static class LiquidFixture
{
    public static FakeLiquidHost Host()
    {
        var host = new FakeLiquidHost();
        host.Includes["footer.html"] = "foot\n";
        host.Includes["note"] = "NOTE\n";
        host.Includes["nav/menu.html"] = "F[{{ include.title }}|{{ include.count }}|{{ include.items | join: \",\" }}]\n";
        return host;
    }

    public static Dictionary<string, object?> Globals() => new()
    {
        ["page"] = new Dictionary<string, object?>
        {
            ["title"] = "Hello",
            ["list"] = new List<object?> { 3L, 1L, 2L },
            ["h"] = new Dictionary<string, object?> { ["a"] = 1L, ["b"] = new List<object?> { 1L, 2L }, ["c"] = "x" },
            ["people"] = new List<object?>
            {
                Person("Ann", "dev", 41), Person("Bob", "ops", 25), Person("Cid", "dev", null), Person("Dee", "dev", 33),
            },
            ["d"] = new DateTimeOffset(2022, 10, 20, 10, 5, 3, TimeSpan.FromHours(2)),
            ["f"] = 1.5,
            ["tags"] = new[] { "a", "b", "c" },
        },
        ["site"] = new Dictionary<string, object?> { ["data"] = new Dictionary<string, object?>() },
    };

    private static Dictionary<string, object?> Person(string name, string role, long? age)
    {
        var person = new Dictionary<string, object?> { ["name"] = name, ["role"] = role };
        if (age is not null) person["age"] = age;
        return person;
    }

    public static string Render(string source, FakeLiquidHost? host = null, Dictionary<string, object?>? globals = null)
    {
        var engine = new LiquidEngine(host ?? Host());
        return engine.Render(engine.Parse(source, "index.html", 3), globals ?? Globals());
    }
}
