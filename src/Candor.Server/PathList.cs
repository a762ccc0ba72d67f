using Microsoft.AspNetCore.Http;

namespace Candor.Server;

/// <summary>A few exact paths a pipeline step treats apart (the analytics endpoint's answers), compared as routing does.</summary>
internal static class PathList
{
    public static bool Contains(IReadOnlyCollection<string> paths, PathString path)
    {
        foreach (var p in paths)
            if (path.Equals(p, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
