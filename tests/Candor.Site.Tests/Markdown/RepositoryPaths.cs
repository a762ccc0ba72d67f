namespace Candor.Site.Tests.Markdown;

/// <summary>Finds the repository root (the folder holding Candor.slnx) from the test output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Candor.slnx")))
                dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Candor.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Fixture(string name) =>
        Path.Combine(Root, "tests", "Candor.Site.Tests", "Markdown", "Fixtures", name);
}
