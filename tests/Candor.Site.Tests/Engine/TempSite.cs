namespace Candor.Site.Tests.Engine;

/// <summary>A throwaway site folder for a test; deleted on dispose.</summary>
internal sealed class TempSite : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "candor-site-" + Guid.NewGuid().ToString("N")[..10]);
    public string Output => Path.Combine(Root, "_site");

    public TempSite Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Output, relative));

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
