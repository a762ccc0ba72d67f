using System.Text;
using Candor.Privacy.Consent;
using Microsoft.AspNetCore.Http;

namespace Candor.Privacy.Tests.Consent;

public sealed class ConsentTests
{
    [Theory]
    [InlineData("/blog/", true)]
    [InlineData("/", true)]
    [InlineData("/a?b=c", true)]
    [InlineData("//evil.example/", false)]
    [InlineData("/\\evil.example/", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/\tevil", false)]
    [InlineData("/ /evil.example", false)]
    [InlineData("", false)]
    public void OnlyLocalPathsAreReturnTargets(string path, bool local) => Assert.Equal(local, ReturnPath.IsLocal(path));

    [Fact]
    public void ReturnFallsBackToASameOriginRefererThenToTheRoot()
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("site.example");
        context.Request.QueryString = new QueryString("?return=//evil.example/");
        context.Request.Headers.Referer = "https://site.example/blog/?p=2";
        Assert.Equal("/blog/?p=2", ReturnPath.For(context.Request));
        context.Request.Headers.Referer = "https://evil.example/blog/";
        Assert.Equal("/", ReturnPath.For(context.Request));
    }

    [Fact]
    public void GpcAndTheCookieMeanOptedOut()
    {
        var context = new DefaultHttpContext();
        Assert.False(AdsPreference.IsOptedOut(context.Request));
        context.Request.Headers["Sec-GPC"] = "1";
        Assert.True(AdsPreference.IsOptedOut(context.Request));
        context.Request.Headers["Sec-GPC"] = "0";
        Assert.False(AdsPreference.IsOptedOut(context.Request));
        context.Request.Headers.Cookie = AdsOptOutCookie.Name + "=1";
        Assert.True(AdsPreference.IsOptedOut(context.Request));
    }

    [Fact]
    public void StrippingLeavesTheAlternativeAndNoScript()
    {
        var html = "<p>a</p>" + AdBlock.Start + "<script src=\"https://ads/x.js\"></script>" + AdBlock.Else + " <p>off</p> " + AdBlock.End + "<p>b</p>";
        var stripped = Encoding.UTF8.GetString(AdBlock.Strip(Encoding.UTF8.GetBytes(html))!);
        Assert.Equal("<p>a</p><p>off</p><p>b</p>", stripped);
        Assert.Null(AdBlock.Strip("<p>no ads</p>"u8));
        // A block missing its end marker drops the rest rather than leak the script.
        Assert.DoesNotContain("script", Encoding.UTF8.GetString(AdBlock.Strip(Encoding.UTF8.GetBytes("<p>a</p>" + AdBlock.Start + "<script></script>"))!));
    }
}
