using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Candor.GitHub;

/// <summary>
/// Error bodies of the proxy: <c>{"error": "code", "message": "…"}</c>. Messages are fixed texts written
/// here, never an exception's message or anything from upstream, so a token cannot leak through them.
/// </summary>
public static class JsonError
{
    public static async Task Write(HttpContext context, int status, string code, string message)
    {
        var response = context.Response;
        if (response.HasStarted) return;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("error", code);
            json.WriteString("message", message);
            json.WriteEndObject();
        }
        await response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted);
    }
}
