using Microsoft.AspNetCore.WebUtilities;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Candor.Analytics.Api.Keys;

/// <summary>
/// The Stats API keys of one data folder, in <c>DATA/api-keys.json</c> (mode 600, replaced atomically on every change).
/// <para>
/// A key is 32 random bytes (256 bits), shown once as <c>cnd_</c> + base64url and stored only as its SHA-256. A
/// fast hash is enough here, unlike for passwords: slow hashes (bcrypt, Argon2) exist to make guessing a
/// low-entropy secret expensive, but no one can enumerate 2^256 keys at any speed, so a leaked file yields no
/// key. A fast hash also lets every API request be checked in microseconds with a dictionary lookup; the lookup is
/// by the hash of what the client sent, so its timing says nothing about any stored key.
/// </para>
/// The CLI (<c>candor keys create</c>) may write the file while the server runs: the server re-reads it when its
/// size or time changes, so a new key works (and a revoked one stops working) without a restart.
/// </summary>
public sealed class ApiKeyStore
{
    public const string FileName = "api-keys.json";
    private const string Prefix = "cnd_";

    private readonly string _path;
    private readonly Lock _lock = new();
    private (DateTime Written, long Length) _seen = (DateTime.MinValue, -1);
    private Dictionary<string, ApiKey> _byHash = new(StringComparer.Ordinal);

    public ApiKeyStore(string dataFolder) => _path = Path.Combine(dataFolder, FileName);

    public string FilePath => _path;

    /// <summary>Creates a key for <paramref name="site"/>; returns the stored record and the key (the only time it exists in clear).</summary>
    public (ApiKey Key, string Secret) Create(string site, DateTime now)
    {
        var secret = Prefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey("k" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5)), site, Hash(secret), now);
        lock (_lock)
        {
            var keys = ReadFile();
            keys.Add(key);
            WriteFile(keys);
        }
        return (key, secret);
    }

    public IReadOnlyList<ApiKey> List()
    {
        lock (_lock) return ReadFile();
    }

    /// <summary>Removes the key with this id; false when there is none.</summary>
    public bool Revoke(string id)
    {
        lock (_lock)
        {
            var keys = ReadFile();
            if (keys.RemoveAll(k => k.Id == id) == 0) return false;
            WriteFile(keys);
            return true;
        }
    }

    /// <summary>The stored key this bearer token is, or null.</summary>
    public ApiKey? Find(string token)
    {
        if (token.Length is 0 or > 200) return null;
        var hash = Hash(token);
        lock (_lock)
        {
            RefreshIfChanged();
            return _byHash.GetValueOrDefault(hash);
        }
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private void RefreshIfChanged()
    {
        var info = new FileInfo(_path);
        var state = info.Exists ? (info.LastWriteTimeUtc, info.Length) : (DateTime.MinValue, -1L);
        if (state == _seen) return;
        try
        {
            _byHash = ReadFile().ToDictionary(k => k.Sha256, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // Fail closed: a damaged file grants nothing (and `candor keys list` says what is wrong with it).
            _byHash = new Dictionary<string, ApiKey>(StringComparer.Ordinal);
        }
        _seen = state;
    }

    private List<ApiKey> ReadFile()
    {
        if (!File.Exists(_path)) return [];
        try
        {
            var file = JsonSerializer.Deserialize(File.ReadAllBytes(_path), ApiKeyJson.Default.KeyFile);
            return file?.Keys?.Where(k => k is { Id: not null, Site: not null, Sha256: not null }).ToList() ?? [];
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{_path} is not a valid API key file: {e.Message}", e);
        }
    }

    private void WriteFile(List<ApiKey> keys)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temp = _path + "." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        // Hashes are not keys, but which sites have keys is still nobody else's business.
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using (var stream = new FileStream(temp, options))
            {
                JsonSerializer.Serialize(stream, new KeyFile(keys), ApiKeyJson.Default.KeyFile);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, _path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}

internal sealed record KeyFile([property: JsonPropertyName("keys")] List<ApiKey> Keys);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(KeyFile))]
internal sealed partial class ApiKeyJson : JsonSerializerContext;
