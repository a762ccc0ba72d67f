using System.Diagnostics;
using Candor.Site.Documents;
using Candor.Site.Output;

namespace Candor.Site.Serving;

/// <summary>
/// A site kept in memory while <c>serve</c> runs. A change to one document's body re-renders and writes
/// that document first (the page the author is looking at is fresh in milliseconds), then the whole
/// site is re-rendered in memory and only outputs that actually changed are rewritten, so pages
/// listing that document (indexes, feeds) catch up too.
/// </summary>
public sealed class SiteSession(BuildOptions options, TimeProvider? clock = null, IReadOnlyList<Generators.IGeneratedPage>? generatedPages = null)
{
    private readonly SiteBuilder _builder = new(options, clock, generatedPages);
    private readonly Lock _gate = new();
    private RenderedSite? _current;
    private Dictionary<string, string> _outputs = new(StringComparer.Ordinal);

    public string Source => Path.GetFullPath(options.Source);
    public string Destination { get; private set; } = "";

    public BuildResult BuildAll()
    {
        lock (_gate)
        {
            var watch = Stopwatch.StartNew();
            var rendered = _builder.Render();
            var docs = rendered.WrittenDocuments;
            var files = rendered.WrittenFiles;
            Destination = rendered.Content.Config.Destination;
            SiteWriter.WriteAll(Destination, docs, files, rendered.Content.Config.KeepFiles);
            _current = rendered;
            _outputs = docs.ToDictionary(d => d.DestinationPath, d => d.Output ?? "", StringComparer.Ordinal);
            return new BuildResult(Destination, docs.Count, files.Count, watch.Elapsed) { Warnings = rendered.Host.Warnings };
        }
    }

    /// <summary>Renders and writes just the document at <paramref name="relativePath"/> when only its body changed.</summary>
    /// <returns>The time it took, or null when the change needs a full rebuild (front matter, layouts, new files…).</returns>
    public TimeSpan? TryRebuildDocument(string relativePath)
    {
        lock (_gate)
        {
            var watch = Stopwatch.StartNew();
            var site = _current;
            var doc = site?.Content.Renderables.FirstOrDefault(d => d.RelativePath == relativePath && d.Kind != DocumentKind.Generated);
            var full = Path.Combine(Source, relativePath);
            if (site is null || doc is null || !File.Exists(full)) return null;
            FrontMatter fm;
            try
            {
                fm = FrontMatter.Parse(File.ReadAllText(full), relativePath, site.Content.Config.TimeZone);
            }
            catch (SiteException)
            {
                return null;
            }
            if (!DataEquality.Equal(fm.Data, doc.FileFrontMatter)) return null;
            var copies = site.Content.Pages.Where(p => p.RelativePath == relativePath).Prepend(doc).Distinct().ToList();
            foreach (var target in copies)
            {
                target.RawContent = fm.Content;
                site.Renderer.Render(target);
                if (target.Writes && SiteWriter.WriteIfChanged(Destination, target.DestinationPath, target.Output ?? ""))
                    _outputs[target.DestinationPath] = target.Output ?? "";
            }
            return watch.Elapsed;
        }
    }

    /// <summary>Re-renders everything in memory and writes only what changed; removes outputs that vanished.</summary>
    public (int Written, int Removed, TimeSpan Elapsed) Refresh()
    {
        lock (_gate)
        {
            var watch = Stopwatch.StartNew();
            var rendered = _builder.Render();
            var docs = rendered.WrittenDocuments;
            var files = rendered.WrittenFiles;
            var written = 0;
            var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var doc in docs)
            {
                var text = doc.Output ?? "";
                outputs[doc.DestinationPath] = text;
                if (_outputs.GetValueOrDefault(doc.DestinationPath) != text && SiteWriter.WriteIfChanged(Destination, doc.DestinationPath, text)) written++;
            }
            foreach (var file in files)
            {
                var target = SiteWriter.Target(Destination, file.DestinationPath);
                var source = new FileInfo(file.SourcePath);
                var existing = new FileInfo(target);
                if (existing.Exists && existing.Length == source.Length && existing.LastWriteTimeUtc >= source.LastWriteTimeUtc) continue;
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file.SourcePath, target, overwrite: true);
                written++;
            }
            var removed = 0;
            var keep = files.Select(f => f.DestinationPath).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in _outputs.Keys.Where(k => !outputs.ContainsKey(k) && !keep.Contains(k)))
            {
                var target = SiteWriter.Target(Destination, gone);
                if (File.Exists(target)) { File.Delete(target); removed++; }
            }
            _current = rendered;
            _outputs = outputs;
            return (written, removed, watch.Elapsed);
        }
    }
}
