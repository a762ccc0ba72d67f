using System.Net.Http.Headers;
using Candor.Site.Liquid.Tags.Embeds;

namespace Candor.Site.Previews;

/// <summary>
/// Downloads missing video previews into the site's source (<c>assets/previews/ID.jpg</c>), so pages show them
/// without the visitor's browser ever asking YouTube's image servers. One id at a time: a handful of images,
/// and a polite client to someone else's server.
/// </summary>
public sealed class PreviewFetcher(HttpClient http, PreviewUrlTemplate urls)
{
    /// <summary>hqdefault.jpg is 10–40 KiB; anything this big is not a thumbnail.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>Fetches the preview of every id in <paramref name="ids"/> that <paramref name="source"/> does not have yet.</summary>
    public async Task<IReadOnlyList<PreviewResult>> FetchMissingAsync(string source, IEnumerable<string> ids, CancellationToken cancel = default)
    {
        var results = new List<PreviewResult>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            results.Add(await FetchAsync(source, id, cancel));
        return results;
    }

    private async Task<PreviewResult> FetchAsync(string source, string id, CancellationToken cancel)
    {
        if (!VideoPreview.IsVideoId(id)) return new PreviewResult(id, PreviewStatus.Failed, "not a YouTube video id");
        var target = Path.Combine(source, VideoPreview.RelativePath(id));
        if (File.Exists(target)) return new PreviewResult(id, PreviewStatus.AlreadyThere);
        byte[] bytes;
        try
        {
            bytes = await DownloadAsync(urls.For(id), cancel);
        }
        catch (PreviewException e)
        {
            return new PreviewResult(id, PreviewStatus.Failed, e.Message);
        }
        catch (HttpRequestException e)
        {
            return new PreviewResult(id, PreviewStatus.Failed, e.Message);
        }
        catch (TaskCanceledException) when (!cancel.IsCancellationRequested)
        {
            return new PreviewResult(id, PreviewStatus.Failed, $"no answer within {http.Timeout.TotalSeconds:0} s");
        }
        AtomicFile.Write(target, bytes);
        return new PreviewResult(id, PreviewStatus.Fetched);
    }

    private async Task<byte[]> DownloadAsync(Uri url, CancellationToken cancel)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancel);
        if (!response.IsSuccessStatusCode) throw new PreviewException($"HTTP {(int)response.StatusCode} from {url}");
        var type = response.Content.Headers.ContentType?.MediaType;
        if (!string.Equals(type, JpegImage.ContentType, StringComparison.OrdinalIgnoreCase))
            throw new PreviewException($"{url} sent '{type ?? "no content type"}', not {JpegImage.ContentType}");
        if (response.Content.Headers.ContentLength > MaxBytes) throw new PreviewException($"{url} is over {MaxBytes / 1024 / 1024} MiB");
        // Read at most one byte past the cap: a missing or lying Content-Length cannot make this read more.
        await using var stream = await response.Content.ReadAsStreamAsync(cancel);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancel)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes) throw new PreviewException($"{url} is over {MaxBytes / 1024 / 1024} MiB");
        }
        var bytes = buffer.ToArray();
        if (!JpegImage.HasMagic(bytes)) throw new PreviewException($"{url} is labelled {JpegImage.ContentType} but is not a JPEG");
        return bytes;
    }

    /// <summary>A download that succeeded at the HTTP level but is not something to save.</summary>
    private sealed class PreviewException(string message) : Exception(message);
}
