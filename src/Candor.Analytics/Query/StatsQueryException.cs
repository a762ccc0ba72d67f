namespace Candor.Analytics.Query;

/// <summary>
/// A question the query layer cannot answer as asked (a metric that needs a goal, an order key that is not in the
/// query, an invalid regular expression, …). The message names what is wrong and is safe to show to an API client
/// (the Stats API answers it as a 400).
/// </summary>
public sealed class StatsQueryException(string message) : ArgumentException(message);
