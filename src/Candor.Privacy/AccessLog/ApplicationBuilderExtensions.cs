using Candor.Privacy.AccessLog;

namespace Microsoft.AspNetCore.Builder;

/// <summary><c>app.UseAccessLog()</c>: put it after forwarded headers and before anything that answers requests.</summary>
public static class AccessLogApplicationBuilderExtensions
{
    public static IApplicationBuilder UseAccessLog(this IApplicationBuilder app) => app.UseMiddleware<AccessLogMiddleware>();
}
