using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BriefGen.Build;
using BriefGen.Tests.Security;
using BriefGen.Tests.Support;

namespace BriefGen.Tests.Fuzz;

/// <summary>
/// Mutation fuzzing (SPEC §3): thousands of mutated copies of a small brief, checked in-process. Whatever
/// the mutation, no exception escapes, every diagnostic is one well-formed line, each case ends within a
/// bounded time, and a brief that still builds publishes no script of its own. Deterministic: the seed
/// fixes every case. BRIEFGEN_FUZZ_CASES and BRIEFGEN_FUZZ_SEED run longer or other campaigns;
/// BRIEFGEN_FUZZ_CASE=N re-runs one case.
/// </summary>
public sealed partial class MutationFuzzTests
{
    private const int DefaultCases = 3_000;
    private const int DefaultSeed = 12;

    /// <summary>A hang guard, not a performance target: a case that takes this long is stuck.</summary>
    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(30);

    // Lone surrogates from the mutator become U+FFFD rather than stopping the test's own writer.
    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private static readonly string Corpus = Path.Combine(Repo.TestsDir, "Fuzz", "brief");

    [GeneratedRegex("<script\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("\\bsrc=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSource();

    /// <summary>
    /// The first script tag of a page that is not the site's own, or null. The site's own are its JSON-LD and the
    /// theme's scripts: a src that is a generated file under assets/ or search/, after whatever base_url the
    /// (mutated) brief.yml sets, such as /tags/assets/briefgen.js.
    /// </summary>
    private static string? ForeignScript(string html, IReadOnlySet<string> generated)
    {
        foreach (Match tag in ScriptTag().Matches(html))
        {
            if (tag.Value.Contains("type=\"application/ld+json\"", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var src = ScriptSource().Match(tag.Value);
            var own = src.Success && src.Groups[1].Value.StartsWith('/') && generated.Any(path =>
                (path.StartsWith("assets/", StringComparison.Ordinal) || path.StartsWith("search/", StringComparison.Ordinal)) &&
                src.Groups[1].Value.EndsWith("/" + path, StringComparison.Ordinal));
            if (!own)
            {
                return html.Substring(tag.Index, Math.Min(200, html.Length - tag.Index));
            }
        }

        return null;
    }

    [Fact]
    public void The_corpus_builds_clean_under_strict()
    {
        using var work = new Workspace(Load());
        var result = new Builder(new BuildOptions { Root = work.Root, Strict = true }).Check();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Mutated_briefs_end_in_diagnostics_never_in_a_crash_or_a_hang()
    {
        var cases = Env("BRIEFGEN_FUZZ_CASES", DefaultCases);
        var seed = Env("BRIEFGEN_FUZZ_SEED", DefaultSeed);
        var only = Environment.GetEnvironmentVariable("BRIEFGEN_FUZZ_CASE") is { } one ? int.Parse(one, CultureInfo.InvariantCulture) : (int?)null;
        var files = Load();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        var numbers = only is { } n ? [n] : Enumerable.Range(0, cases).ToArray();
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, 4));

        // Dedicated threads, not pool threads: each waits on its case with a time limit while the build
        // itself runs on the pool (and uses it in parallel), so waiting never starves the build.
        var threads = Partition(numbers, workers).Select(batch => new Thread(() =>
        {
            using var work = new Workspace(files);
            foreach (var number in batch)
            {
                if (failures.Count >= 5)
                {
                    return;
                }

                if (RunCase(work, files, seed, number) is { } failure)
                {
                    failures.Add(failure);
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.True(failures.IsEmpty,
            $"{failures.Count} of {numbers.Length} fuzz cases failed (seed {seed}); re-run one with BRIEFGEN_FUZZ_SEED={seed} BRIEFGEN_FUZZ_CASE=N:\n\n" +
            string.Join("\n\n", failures.Order(StringComparer.Ordinal)));
        TestContext.Current.SendDiagnosticMessage($"{numbers.Length} fuzz cases (seed {seed}) in {clock.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>One case: mutate, check (every tenth case also builds), restore. A failure's description, or null.</summary>
    private static string? RunCase(Workspace work, IReadOnlyDictionary<string, string> files, int seed, int number)
    {
        // Not HashCode.Combine: its seed is random per process, so a failing case would not repeat when re-run alone.
        var mutator = new Mutator(unchecked((seed * 1_000_003) ^ (number * 7919) ^ (seed * 7919 + number)));
        var pick = new Random(seed * 31 + number);
        var keys = files.Keys.ToArray();
        var changed = new List<string>();
        var description = new StringBuilder();
        var structural = pick.Next(20);
        if (structural == 0)
        {
            // Rename a page, to a reserved or clashing name among others.
            var pages = keys.Where(k => k.StartsWith("content/pages/", StringComparison.Ordinal)).ToArray();
            var from = pages[pick.Next(pages.Length)];
            var to = "content/pages/" + new[] { "search", "sources", "index", "x", "UPPER", "a b", new string('a', 300)[..200] }[pick.Next(7)] + ".md";
            work.Delete(from);
            work.Write(to, files[from]);
            changed.AddRange([from, to]);
            description.Append(CultureInfo.InvariantCulture, $"renamed {from} to {to}");
        }
        else if (structural == 1)
        {
            var victim = keys[pick.Next(keys.Length)];
            work.Delete(victim);
            changed.Add(victim);
            description.Append(CultureInfo.InvariantCulture, $"deleted {victim}");
        }
        else
        {
            var target = keys[pick.Next(keys.Length)];
            var mutated = Lenient.GetBytes(mutator.Mutate(files[target]));
            if (pick.Next(10) == 0)
            {
                // Bytes that are not UTF-8, as a file saved in another encoding has them.
                var at = pick.Next(mutated.Length + 1);
                mutated = [.. mutated[..at], (byte)(0x80 + pick.Next(0x80)), .. mutated[at..]];
            }

            work.Write(target, mutated);
            changed.Add(target);
            description.Append(CultureInfo.InvariantCulture, $"mutated {target}");
        }

        var clock = Stopwatch.StartNew();
        var build = number % 10 == 0;
        string? failure = null;
        try
        {
            var builder = new Builder(new BuildOptions { Root = work.Root, OutDir = work.OutDir });
            var task = Task.Run(() => build ? builder.Build() : builder.Check());
            if (!task.Wait(CaseLimit))
            {
                failure = $"did not finish in {CaseLimit.TotalSeconds} s";
            }
            else
            {
                var result = task.Result;
                Hostile.AssertWellFormed(result);
                // A check's site is in memory; a build's is in the output folder.
                var site = build
                    ? result.Written.Select(p => (Path: p, Text: File.ReadAllText(Path.Combine(work.OutDir, p)))).ToList()
                    : result.Files.Select(f => (f.Path, Text: Encoding.UTF8.GetString(f.Bytes))).ToList();
                var generated = site.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
                foreach (var (path, text) in site.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)))
                {
                    var foreign = ForeignScript(text, generated);
                    Assert.True(foreign is null, $"{path} carries a script that is not the site's own: {foreign}");
                }
            }
        }
        catch (Exception e)
        {
            failure = e is AggregateException { InnerException: { } inner } ? inner.ToString() : e.ToString();
        }

        foreach (var path in changed)
        {
            work.Delete(path);
            if (files.TryGetValue(path, out var original))
            {
                work.Write(path, original);
            }
        }

        return failure is null ? null : $"case {number} ({description}, {clock.ElapsedMilliseconds} ms): {failure[..Math.Min(failure.Length, 2000)]}";
    }

    private static SortedDictionary<string, string> Load() => new(
        Directory.EnumerateFiles(Corpus, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Corpus, f).Replace('\\', '/'), File.ReadAllText),
        StringComparer.Ordinal);

    private static int Env(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static IEnumerable<int[]> Partition(int[] numbers, int parts) =>
        Enumerable.Range(0, parts).Select(p => numbers.Where((_, i) => i % parts == p).ToArray());

    /// <summary>A copy of the corpus in a temporary folder, reused case after case.</summary>
    private sealed class Workspace : IDisposable
    {
        public Workspace(IReadOnlyDictionary<string, string> files)
        {
            Root = Path.Combine(Path.GetTempPath(), "briefgen-fuzz-" + Guid.NewGuid().ToString("N"));
            foreach (var (path, text) in files)
            {
                Write(path, text);
            }
        }

        public string Root { get; }

        public string OutDir => Path.Combine(Root, "_site");

        public void Write(string path, string text) => Write(path, Lenient.GetBytes(text));

        public void Write(string path, byte[] bytes)
        {
            var full = Path.Combine(Root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }

        public void Delete(string path) => File.Delete(Path.Combine(Root, path));

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless.
            }
        }
    }
}
