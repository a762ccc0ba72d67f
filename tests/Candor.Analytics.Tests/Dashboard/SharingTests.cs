using Candor.Analytics.Dashboard.Sharing;
using Candor.Analytics.Tests.Store;
using Microsoft.Extensions.Time.Testing;

namespace Candor.Analytics.Tests.Dashboard;

public sealed class SharingTests
{
    [Fact]
    public void APasswordIsKeptAsASaltedSlowHashAndOnlyTheRightOneVerifies()
    {
        var one = SharePassword.Create("correct horse", iterations: 100_000);
        var two = SharePassword.Create("correct horse", iterations: 100_000);

        Assert.True(one.Verify("correct horse"));
        Assert.False(one.Verify("correct horse "));
        Assert.False(one.Verify(""));
        Assert.NotEqual(one.Salt, two.Salt);
        Assert.NotEqual(one.Hash, two.Hash);
        Assert.DoesNotContain("correct", one.Hash + one.Salt, StringComparison.Ordinal);
        Assert.True(SharePassword.DefaultIterations >= 100_000);
    }

    [Fact]
    public void ALinkIsFoundByItsSiteAndSlugOnlyAndItsFileHoldsNoPassword()
    {
        using var folder = new TempFolder();
        var store = new ShareLinkStore(folder.Path, TimeProvider.System);

        var open = store.Create("example.org", null);
        var locked = store.Create("example.org", "s3cret-pass");

        // Another instance reads the file, as the server does after `candor share create`.
        var reader = new ShareLinkStore(folder.Path, TimeProvider.System);
        Assert.Equal(open.Slug, reader.Find("example.org", open.Slug)?.Slug);
        Assert.True(reader.Find("example.org", locked.Slug)!.Password!.Verify("s3cret-pass"));
        Assert.Null(reader.Find("other.org", open.Slug));
        Assert.Null(reader.Find("example.org", open.Slug[..^1] + (open.Slug[^1] == 'A' ? 'B' : 'A')));
        Assert.Null(reader.Find("example.org", null));
        Assert.Equal(22, open.Slug.Length); // 128 random bits, base64url
        Assert.NotEqual(open.Slug, locked.Slug);
        Assert.DoesNotContain("s3cret-pass", File.ReadAllText(store.FilePath), StringComparison.Ordinal);
        Assert.Equal($"/share/example.org?auth={open.Slug}", open.Path);
    }

    [Fact]
    public void ARevokedLinkStopsWorkingForAReaderThatAlreadyKnewIt()
    {
        using var folder = new TempFolder();
        var writer = new ShareLinkStore(folder.Path, TimeProvider.System);
        var reader = new ShareLinkStore(folder.Path, TimeProvider.System);
        var keep = writer.Create("example.org", null);
        var end = writer.Create("example.org", null);
        Assert.NotNull(reader.Find("example.org", end.Slug));

        Assert.True(writer.Revoke(end.Slug));

        Assert.Null(reader.Find("example.org", end.Slug));
        Assert.NotNull(reader.Find("example.org", keep.Slug));
        Assert.False(writer.Revoke(end.Slug));
    }

    [Fact]
    public void ADamagedLinkFileIsNamedInTheError()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File(ShareLinkStore.FileName), "{ not json");

        var error = Assert.Throws<InvalidDataException>(() => new ShareLinkStore(folder.Path, TimeProvider.System).Find("example.org", "abc"));

        Assert.Contains(ShareLinkStore.FileName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FiveTriesAMinutePerLinkAndClientThenAWaitUntilTheMinuteIsOver()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
        var attempts = new PasswordAttempts(time);

        for (var i = 0; i < 5; i++) Assert.Null(attempts.Try("slug", "203.0.113.7"));
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(TimeSpan.FromSeconds(40), attempts.Try("slug", "203.0.113.7"));
        // Another client, or another link, has its own budget.
        Assert.Null(attempts.Try("slug", "198.51.100.1"));
        Assert.Null(attempts.Try("other", "203.0.113.7"));
        time.Advance(TimeSpan.FromSeconds(40));
        Assert.Null(attempts.Try("slug", "203.0.113.7"));
    }
}
