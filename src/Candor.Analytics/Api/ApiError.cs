using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Candor.Analytics.Api;

/// <summary>A Stats API failure: Plausible's status and message, answered as <c>{"error": "…"}</c>.</summary>
public sealed record ApiError(int Status, string Message)
{
    public static ApiError BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    public Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = Status;
        response.ContentType = "application/json; charset=utf-8";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, ApiJson.Options))
        {
            json.WriteStartObject();
            json.WriteString("error", Message);
            json.WriteEndObject();
        }
        return response.Body.WriteAsync(buffer.ToArray()).AsTask();
    }
}
