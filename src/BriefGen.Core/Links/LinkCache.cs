using System.Globalization;
using System.Text.Json;

namespace BriefGen.Links;

/// <summary>
/// What earlier runs found, in ROOT/.briefgen/links.json, so a second <c>check --links</c> asks only
/// what it must. Read and written by hand with System.Text.Json's reader and writer (no reflection).
/// A missing or unreadable cache is an empty one.
/// </summary>
public sealed class LinkCache
{
    private readonly Dictionary<string, (DateTimeOffset Checked, LinkStatus Status)> _entries = new(StringComparer.Ordinal);

    public static LinkCache Load(string file)
    {
        var cache = new LinkCache();
        try
        {
            if (!File.Exists(file))
            {
                return cache;
            }

            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            if (!doc.RootElement.TryGetProperty("links", out var links) || links.ValueKind != JsonValueKind.Object)
            {
                return cache;
            }

            foreach (var link in links.EnumerateObject())
            {
                var e = link.Value;
                if (e.TryGetProperty("checked", out var c) && DateTimeOffset.TryParse(c.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) &&
                    e.TryGetProperty("state", out var s) && Enum.TryParse<LinkState>(s.GetString(), ignoreCase: false, out var state))
                {
                    int? code = e.TryGetProperty("status", out var st) && st.TryGetInt32(out var n) ? n : null;
                    var detail = e.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
                    cache._entries[link.Name] = (at, new LinkStatus(state, code, detail));
                }
            }
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // A damaged cache only costs a fresh check.
        }

        return cache;
    }

    /// <summary>A live status checked within <paramref name="maxAge"/> of <paramref name="now"/>; dead and unreachable ones are asked again.</summary>
    public LinkStatus? Fresh(string url, DateTimeOffset now, TimeSpan maxAge) =>
        _entries.TryGetValue(url, out var e) && e.Status.State == LinkState.Alive && now - e.Checked <= maxAge && e.Checked <= now ? e.Status : null;

    public void Set(string url, DateTimeOffset checkedAt, LinkStatus status)
    {
        if (status.State != LinkState.Unknown)
        {
            _entries[url] = (checkedAt, status);
        }
    }

    /// <summary>Writes the entries for <paramref name="keep"/> (the brief's current addresses), sorted, to <paramref name="file"/>.</summary>
    public void Save(string file, IEnumerable<string> keep)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var wanted = keep.ToHashSet(StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", 1);
            w.WriteStartObject("links");
            foreach (var (url, (at, status)) in _entries.Where(e => wanted.Contains(e.Key)).OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                w.WriteStartObject(url);
                w.WriteString("checked", at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                w.WriteString("state", status.State.ToString());
                if (status.StatusCode is { } code)
                {
                    w.WriteNumber("status", code);
                }

                w.WriteString("detail", status.Detail);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        var temp = file + ".tmp";
        File.WriteAllBytes(temp, buffer.ToArray());
        File.Move(temp, file, overwrite: true);
    }
}
