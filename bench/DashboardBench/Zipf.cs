namespace Candor.Bench.Dashboard;

/// <summary>Ranks 1..N with P(k) ∝ 1/k^s, drawn by binary search over the cumulative weights.</summary>
internal sealed class Zipf
{
    private readonly Random _random;
    private readonly double[] _cumulative;

    public Zipf(Random random, int n, double s)
    {
        _random = random;
        _cumulative = new double[n];
        double sum = 0;
        for (var k = 1; k <= n; k++) _cumulative[k - 1] = sum += 1 / Math.Pow(k, s);
    }

    public int Next()
    {
        var x = _random.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, x);
        return (i >= 0 ? i : ~i) + 1;
    }
}
