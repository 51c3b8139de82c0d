using System.Text;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace BriefGen.Tests.Support;

/// <summary>
/// Snapshot files in Verify's conventions: the accepted output is checked in as NAME.verified.EXT;
/// a mismatch writes NAME.received.EXT beside it and fails with a unified diff. Set
/// UPDATE_SNAPSHOTS=1 to accept what was received. A missing snapshot fails.
/// </summary>
public static class Snapshot
{
    /// <summary>What to run to accept a changed output, in every failure message.</summary>
    public const string HowToAccept = "if the change is intended, accept it with UPDATE_SNAPSHOTS=1 dotnet test, then review the diff (git diff) and commit it";

    /// <summary>Whether this run accepts what it receives (UPDATE_SNAPSHOTS=1).</summary>
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") is "1" or "true";

    /// <summary>Snapshot a whole tree of files, mirrored under <paramref name="folder"/>.</summary>
    public static void VerifyTree(string folder, IReadOnlyDictionary<string, string> files) => VerifyTree(folder, files, Updating);

    /// <summary>Snapshot a whole tree; <paramref name="accept"/> writes what was received instead of comparing.</summary>
    public static void VerifyTree(string folder, IReadOnlyDictionary<string, string> files, bool accept)
    {
        var failures = new List<string>();
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var verified = Path.Combine(folder, VerifiedName(path));
            expected.Add(Path.GetFullPath(verified));
            if (Compare(verified, text, accept) is { } failure)
            {
                failures.Add(failure);
            }
        }

        if (Directory.Exists(folder))
        {
            foreach (var stale in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                         .Where(f => f.Contains(".verified", StringComparison.Ordinal) && !expected.Contains(Path.GetFullPath(f)))
                         .Order(StringComparer.Ordinal))
            {
                if (accept)
                {
                    File.Delete(stale);
                }
                else
                {
                    failures.Add($"{Path.GetRelativePath(folder, stale)}: the site no longer has this file");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{folder}: the output differs from its snapshot; {HowToAccept}.\n\n" + string.Join("\n\n", failures));
    }

    /// <summary>Snapshot one text.</summary>
    public static void Verify(string verifiedPath, string text)
    {
        var failure = Compare(verifiedPath, text, Updating);
        Assert.True(failure is null, failure + $"\n{HowToAccept}.");
    }

    /// <summary>"a/index.html" → "a/index.verified.html"; ".nojekyll" → ".nojekyll.verified".</summary>
    public static string VerifiedName(string path) => Infix(path, "verified");

    private static string Infix(string path, string word)
    {
        var dir = Path.GetDirectoryName(path) ?? "";
        var file = Path.GetFileName(path);
        var dot = file.LastIndexOf('.');
        var named = dot > 0 ? $"{file[..dot]}.{word}{file[dot..]}" : $"{file}.{word}";
        return Path.Combine(dir, named);
    }

    private static string? Compare(string verifiedPath, string received, bool accept)
    {
        var receivedPath = verifiedPath.Replace(".verified", ".received", StringComparison.Ordinal);
        if (File.Exists(verifiedPath) && File.ReadAllText(verifiedPath) == received)
        {
            File.Delete(receivedPath);
            return null;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(verifiedPath)!);
        if (accept)
        {
            File.WriteAllText(verifiedPath, received);
            File.Delete(receivedPath);
            return null;
        }

        File.WriteAllText(receivedPath, received);
        if (!File.Exists(verifiedPath))
        {
            return $"{verifiedPath}: no snapshot yet; received output written to {receivedPath}";
        }

        return $"{verifiedPath} differs from what was received ({receivedPath}):\n" +
               UnifiedDiff(File.ReadAllText(verifiedPath), received);
    }

    /// <summary>A unified diff of two texts with three lines of context.</summary>
    public static string UnifiedDiff(string expected, string actual)
    {
        var diff = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false);
        var lines = diff.Lines;
        var sb = new StringBuilder("--- verified\n+++ received\n");
        var oldLine = 0;
        var newLine = 0;
        var i = 0;
        while (i < lines.Count)
        {
            if (lines[i].Type == ChangeType.Unchanged)
            {
                oldLine++;
                newLine++;
                i++;
                continue;
            }

            var start = Math.Max(0, i - 3);
            var end = i;
            var quiet = 0;
            while (end < lines.Count && quiet <= 6)
            {
                quiet = lines[end].Type == ChangeType.Unchanged ? quiet + 1 : 0;
                end++;
            }

            end = Math.Min(lines.Count, end - Math.Max(0, quiet - 3));
            sb.Append($"@@ -{oldLine - (i - start) + 1} +{newLine - (i - start) + 1} @@\n");
            for (var k = start; k < end; k++)
            {
                var line = lines[k];
                switch (line.Type)
                {
                    case ChangeType.Inserted:
                        sb.Append('+').Append(line.Text).Append('\n');
                        newLine += k >= i ? 1 : 0;
                        break;
                    case ChangeType.Deleted:
                        sb.Append('-').Append(line.Text).Append('\n');
                        oldLine += k >= i ? 1 : 0;
                        break;
                    default:
                        sb.Append(' ').Append(line.Text).Append('\n');
                        if (k >= i)
                        {
                            oldLine++;
                            newLine++;
                        }

                        break;
                }
            }

            i = end;
        }

        return sb.ToString();
    }
}
