namespace Candor.Analytics.Dashboard;

/// <summary>One row as shown: its dimension values and its <see cref="Figure"/>s in the query's metric order.</summary>
/// <param name="Folded">The "(other)" row that stands for the rows below k; it is never a filter link.</param>
public sealed record ShownRow(IReadOnlyList<string> Dimensions, IReadOnlyList<Figure> Figures, bool Folded = false);

/// <summary>A query result after <see cref="KAnonymity"/>: what a page or a CSV file may contain.</summary>
/// <param name="TotalRows">Rows the query had before limit/offset, less the folded ones plus their "(other)" row.</param>
public sealed record ShownResult(IReadOnlyList<ShownRow> Rows, long TotalRows);
