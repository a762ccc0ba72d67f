using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Candor.Analytics.Api;

/// <summary>Writes a JSON answer built with a <see cref="Utf8JsonWriter"/>.</summary>
internal static class ApiJson
{
    /// <summary>
    /// Characters such as <c>+</c> and <c>'</c> written as themselves (as Plausible does), so an echoed filter reads
    /// as sent; safe because the answer is <c>application/json</c> with <c>nosniff</c>, never HTML.
    /// </summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpResponse response, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer, Options))
            write(json);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }
}
