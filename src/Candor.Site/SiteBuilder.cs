using System.Collections.Concurrent;
using System.Diagnostics;
using Candor.Site.Configuration;
using Candor.Site.Documents;
using Candor.Site.Generators;
using Candor.Site.Liquid;
using Candor.Site.Markdown;
using Candor.Site.Output;
using Candor.Site.Reading;
using Candor.Site.Rendering;

namespace Candor.Site;

/// <summary>
/// Builds a Jekyll-style site: read → generate (redirects, pagination) → render (collections, then
/// pages, in parallel) → write. Every error of the build is collected and reported together.
/// </summary>
public sealed class SiteBuilder(BuildOptions options, TimeProvider? clock = null, IReadOnlyList<IGeneratedPage>? generatedPages = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly IReadOnlyList<IGeneratedPage> _generatedPages = generatedPages ?? [];

    /// <summary>Loads the configuration with the options' overrides applied.</summary>
    public SiteConfig LoadConfig()
    {
        var overrides = new Dictionary<string, object?>();
        if (options.Future) overrides["future"] = true;
        if (options.Drafts) overrides["show_drafts"] = true;
        if (options.Destination is not null) overrides["destination"] = Path.GetFullPath(options.Destination);
        return SiteConfig.Load(options.Source, options.ConfigFiles, overrides);
    }

    /// <summary>Reads and renders the whole site in memory; throws <see cref="SiteBuildException"/> listing every error.</summary>
    public RenderedSite Render(IProgress<BuildProgress>? progress = null)
    {
        SiteConfig config;
        try
        {
            config = LoadConfig();
            // The destination is replaced wholesale, so it must never be (or contain) the sources.
            var source = config.Source.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            var destination = config.Destination.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            if (source.StartsWith(destination, StringComparison.Ordinal))
                throw new SiteException("_config.yml", null, $"the destination '{config.Destination}' is or contains the source folder; choose another with --destination");
        }
        catch (SiteException e)
        {
            throw new SiteBuildException([e.ToError()]);
        }
        var now = TimeZoneInfo.ConvertTime(_clock.GetUtcNow(), config.TimeZone);
        var stages = new StageClock();
        progress?.Report(new BuildProgress("Reading", 0, 1));
        var site = SiteReader.Read(config, now);
        stages.Mark("read");
        var errors = new ConcurrentQueue<SiteError>(site.Errors);
        Try(errors, () => RedirectFrom.Generate(site));
        Try(errors, () => Pagination.Generate(site));
        Try(errors, () => GeneratedPages.Generate(site, _generatedPages)); // before the feed, like any page
        Try(errors, () => Generators.Feed.JekyllFeed.Generate(site)); // priority :lowest in the gem: after the others
        Try(errors, () => EmbedScript.Generate(site));

        foreach (var docs in site.Collections.Values)
            for (var i = 0; i < docs.Count; i++)
                LiquidDocument.Fill(docs[i], i > 0 ? docs[i - 1] : null, i + 1 < docs.Count ? docs[i + 1] : null);
        foreach (var page in site.Pages) LiquidDocument.Fill(page, null, null);
        stages.Mark("generate");

        var markdown = new KramdownConverter(config.MarkdownSettings());
        var host = new SiteLiquidHost(config, markdown);
        host.Index(site.Renderables, site.StaticFiles.Concat(site.CollectionFiles.Values.SelectMany(f => f)));
        var renderer = new DocumentRenderer(site, new LiquidEngine(host), markdown, SitePayload.Site(site, now), SitePayload.Jekyll());

        var total = site.Collections.Values.Sum(d => d.Count) + site.Pages.Count;
        var done = 0;
        void RenderAll(IEnumerable<Document> docs) => Parallel.ForEach(docs, doc =>
        {
            Try(errors, () => renderer.Render(doc));
            var n = Interlocked.Increment(ref done);
            if (n % 50 == 0 || n == total) progress?.Report(new BuildProgress("Rendering", n, total));
        });
        // Jekyll renders collections before pages, so pages that list posts see their rendered content.
        RenderAll(site.Collections.Values.SelectMany(d => d));
        RenderAll(site.Pages);

        stages.Mark("render");
        if (!errors.IsEmpty)
            throw new SiteBuildException(errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ToList());
        return new RenderedSite(site, renderer, host) { Stages = stages };
    }

    /// <summary>Builds and writes the site; the old destination stays untouched if anything fails.</summary>
    public BuildResult Build(IProgress<BuildProgress>? progress = null)
    {
        var watch = Stopwatch.StartNew();
        var rendered = Render(progress);
        var site = rendered.Content;
        progress?.Report(new BuildProgress("Writing", 0, 1));
        var documents = rendered.WrittenDocuments;
        var files = rendered.WrittenFiles;
        SiteWriter.WriteAll(site.Config.Destination, documents, files, site.Config.KeepFiles);
        rendered.Stages.Mark("write");
        progress?.Report(new BuildProgress("Writing", 1, 1));
        return new BuildResult(site.Config.Destination, documents.Count, files.Count, watch.Elapsed) { Stages = rendered.Stages.Times, Warnings = rendered.Host.Warnings };
    }

    private static void Try(ConcurrentQueue<SiteError> errors, Action action)
    {
        try
        {
            action();
        }
        catch (SiteException e)
        {
            errors.Enqueue(e.ToError());
        }
        catch (SiteBuildException e)
        {
            foreach (var error in e.Errors) errors.Enqueue(error);
        }
    }
}

/// <summary>A site rendered in memory: what <c>serve</c> keeps to rebuild single files quickly.</summary>
public sealed class RenderedSite(SiteContent content, DocumentRenderer renderer, SiteLiquidHost host)
{
    public SiteContent Content { get; } = content;
    internal DocumentRenderer Renderer { get; } = renderer;
    internal SiteLiquidHost Host { get; } = host;
    internal StageClock Stages { get; init; } = new();

    /// <summary>The YouTube ids the site's pages show (what <c>candor previews fetch</c> downloads previews for).</summary>
    public IReadOnlyList<string> VideoIds => Host.Videos;

    public IReadOnlyCollection<Document> WrittenDocuments =>
        Content.Collections.Values.SelectMany(d => d).Where(d => d.Writes).Concat(Content.Pages).ToList();

    public IReadOnlyCollection<StaticFile> WrittenFiles =>
        Content.StaticFiles.Where(f => f.Collection is null || f.Collection == "posts").Concat(Content.CollectionFiles.Values.SelectMany(f => f)).ToList();
}

/// <summary>Measures consecutive build stages.</summary>
internal sealed class StageClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly List<(string, TimeSpan)> _times = [];
    private TimeSpan _last;

    public IReadOnlyList<(string Stage, TimeSpan Time)> Times => _times;

    public void Mark(string stage)
    {
        var now = _watch.Elapsed;
        _times.Add((stage, now - _last));
        _last = now;
    }
}
