using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Candor.GitHub.Tests;

/// <summary>
/// An HTTP client that behaves like a browser's cookie jar for one site, but visibly: it does not follow
/// redirects, keeps cookies by name only, and lets tests forge them. <see cref="Raw"/> sends a request target
/// byte for byte, because HttpClient would normalise <c>..</c> and encodings before they reach the server.
/// </summary>
public sealed class Browserless(Uri site) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.All })
    {
        Timeout = TimeSpan.FromSeconds(15),
    };

    public Dictionary<string, string> Cookies { get; } = new();
    /// <summary>The raw <c>Set-Cookie</c> lines of the last response.</summary>
    public List<string> LastSetCookies { get; } = new();

    public async Task<HttpResponseMessage> Send(HttpMethod method, string urlOrPath, string? origin = null, bool sendCookies = true, Action<HttpRequestMessage>? adjust = null)
    {
        var uri = Uri.TryCreate(urlOrPath, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal) ? absolute : new Uri(site, urlOrPath);
        using var request = new HttpRequestMessage(method, uri);
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (sendCookies && uri.Authority == site.Authority && Cookies.Count > 0)
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        adjust?.Invoke(request);
        var response = await _http.SendAsync(request);
        if (uri.Authority == site.Authority) Remember(response);
        return response;
    }

    public Task<HttpResponseMessage> Get(string path, string? origin = null) => Send(HttpMethod.Get, path, origin);

    private void Remember(HttpResponseMessage response)
    {
        LastSetCookies.Clear();
        if (!response.Headers.TryGetValues("Set-Cookie", out var lines)) return;
        foreach (var line in lines)
        {
            LastSetCookies.Add(line);
            var pair = line.Split(';')[0];
            var eq = pair.IndexOf('=');
            var (name, value) = (pair[..eq], pair[(eq + 1)..]);
            var expired = line.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase) || line.Contains("max-age=0", StringComparison.OrdinalIgnoreCase);
            if (expired || value.Length == 0) Cookies.Remove(name);
            else Cookies[name] = value;
        }
    }

    /// <summary>
    /// The whole popup flow without a browser: <c>/login</c> → the fake's authorize page → back to the proxy.
    /// Returns the final page's response (the "close this window" page on success).
    /// </summary>
    public async Task<HttpResponseMessage> LogIn(string prefix = "/proxy")
    {
        var start = await Get(prefix + "/login");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = await Send(HttpMethod.Get, start.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        return await Send(HttpMethod.Get, authorize.Headers.Location!.ToString());
    }

    /// <summary>Sends <paramref name="target"/> as the request line's target, unmodified; returns the status code.</summary>
    public static async Task<int> Raw(Uri server, string method, string target)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        var request = $"{method} {target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var status = await reader.ReadLineAsync() ?? "";
        var parts = status.Split(' ');
        return parts.Length > 1 && int.TryParse(parts[1], out var code) ? code : -1;
    }

    public void Dispose() => _http.Dispose();
}
