using Candor.Analytics.Api.Keys;
using Candor.Analytics.Tests.Store;

namespace Candor.Analytics.Tests.Api;

public sealed class ApiKeyStoreTests
{
    private static readonly DateTime Now = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [Fact]
    public void OnlyTheHashIsStoredInAFileOnlyTheOwnerCanRead()
    {
        using var data = new TempFolder();
        var store = new ApiKeyStore(data.Path);
        var (key, secret) = store.Create("example.org", Now);

        Assert.StartsWith("cnd_", secret);
        Assert.Equal(4 + 43, secret.Length); // 32 random bytes, base64url
        var file = File.ReadAllText(store.FilePath);
        Assert.DoesNotContain(secret, file);
        Assert.DoesNotContain(secret[4..], file);
        Assert.Contains(key.Sha256, file);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret))), key.Sha256);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.FilePath));
        Assert.Empty(Directory.GetFiles(data.Path, "*.tmp"));
        Assert.Equal(key, store.Find(secret));
        Assert.Null(store.Find(secret + "x"));
        Assert.Null(store.Find(""));
    }

    [Fact]
    public void KeysAreUniqueAndAStoreSeesWhatAnotherWroteAndRevoked()
    {
        using var data = new TempFolder();
        var server = new ApiKeyStore(data.Path);
        var cli = new ApiKeyStore(data.Path);
        Assert.Null(server.Find("cnd_nothing"));

        var (first, firstSecret) = cli.Create("example.org", Now);
        var (second, secondSecret) = cli.Create("other.org", Now);
        Assert.NotEqual(firstSecret, secondSecret);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(first, server.Find(firstSecret));
        Assert.Equal("other.org", server.Find(secondSecret)!.Site);
        Assert.Equal([first.Id, second.Id], server.List().Select(k => k.Id));

        Assert.True(cli.Revoke(first.Id));
        Assert.False(cli.Revoke(first.Id));
        Assert.Null(server.Find(firstSecret));
        Assert.NotNull(server.Find(secondSecret));
    }

    [Fact]
    public void ADamagedFileGrantsNothingAndSaysWhatIsWrong()
    {
        using var data = new TempFolder();
        var store = new ApiKeyStore(data.Path);
        var (_, secret) = store.Create("example.org", Now);
        Assert.NotNull(store.Find(secret));
        File.WriteAllText(store.FilePath, "{ not json");
        Assert.Null(store.Find(secret));
        var error = Assert.Throws<InvalidDataException>(() => store.List());
        Assert.Contains("api-keys.json", error.Message);
    }
}
