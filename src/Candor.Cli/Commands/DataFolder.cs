using System.CommandLine;

namespace Candor.Cli.Commands;

/// <summary>
/// The <c>--data DIR</c> option of the commands that work on Candor's own files (keys, share links, export) and where
/// it points without the flag: <c>SOURCE/.candor</c>, the folder <c>serve</c> uses, so they meet the running server.
/// </summary>
internal static class DataFolder
{
    public static readonly Option<string?> Option = new("--data") { Description = "Candor's data folder (default SOURCE/.candor, as for serve)" };

    public static string Of(ParseResult result) => result.GetValue(Option) is { } data
        ? Path.GetFullPath(data)
        : Path.Combine(Path.GetFullPath(result.GetValue(BuildCommand.Source) ?? "."), ".candor");

    /// <summary>Runs a command on the data files: a damaged file or an unwritable folder is one clear line (exit 2), not a stack trace.</summary>
    public static int Guarded(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }
}
