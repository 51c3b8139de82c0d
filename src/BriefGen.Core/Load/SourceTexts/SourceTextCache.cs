using System.Collections.Concurrent;
using BriefGen.Model;

namespace BriefGen.Load.SourceTexts;

/// <summary>
/// Extracted source texts keyed by the file's content hash and the reader's rules, so a long PDF is read
/// once, not on every rebuild. In memory for as long as its owner keeps it (a <c>serve</c> session keeps
/// one across rebuilds), and, when given a folder, on disk (<c>ROOT/.briefgen/cache/</c>) across runs.
/// A cached text is the very text extraction gave: the cache changes how fast, never what.
/// </summary>
public sealed class SourceTextCache(string? folder = null)
{
    private readonly ConcurrentDictionary<string, SourceText> _memory = new(StringComparer.Ordinal);
    private static long _writes;

    /// <summary>The disk cache folder, or null for memory only.</summary>
    public string? Folder { get; } = folder;

    /// <summary>The cache folder of a brief: <c>ROOT/.briefgen/cache/source-texts</c> (never inside content/).</summary>
    public static string FolderFor(string root) => Path.Combine(root, ".briefgen", "cache", "source-texts");

    /// <summary>The cached text for a key, carrying <paramref name="path"/>, or null.</summary>
    public SourceText? TryGet(string key, string path)
    {
        if (_memory.TryGetValue(key, out var text))
        {
            return text with { Path = path };
        }

        if (Folder is null || !IsSafeKey(key))
        {
            return null;
        }

        var file = Path.Combine(Folder, key + ".txt");
        try
        {
            if (File.Exists(file) && SourceTextFormat.Parse(File.ReadAllText(file), path) is { } fromDisk)
            {
                _memory[key] = fromDisk;
                return fromDisk;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null; // missing or unreadable: extract again
    }

    /// <summary>Keeps an extracted text; a disk cache that cannot be written is skipped (it only saves time).</summary>
    public void Add(string key, SourceText text)
    {
        _memory[key] = text;
        if (Folder is null || !IsSafeKey(key))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(Folder);
            var file = Path.Combine(Folder, key + ".txt");
            // A name of its own per write: two sources may name the same file, and are read side by side.
            var temp = file + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" +
                       Interlocked.Increment(ref _writes).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
            File.WriteAllText(temp, SourceTextFormat.Write(text));
            File.Move(temp, file, overwrite: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static bool IsSafeKey(string key) => key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
