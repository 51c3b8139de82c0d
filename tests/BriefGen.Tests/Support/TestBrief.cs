using BriefGen.Build;
using BriefGen.Diagnostics;

namespace BriefGen.Tests.Support;

/// <summary>
/// A brief written to a fresh temporary folder, file by file, for tests to build. Starts as a small
/// valid brief citing a three-paragraph source; tests overwrite the files they care about.
/// </summary>
public sealed class TestBrief : IDisposable
{
    public const string SourceText = """
        The court ruled 2-1 on Friday that the policy “is invalid in its entirety.”

        More than 470,000 parents and children crossed last fiscal year – a record.

        “You’re not even asking the key question,” the judge said.
        """;

    public TestBrief()
    {
        Root = Path.Combine(Path.GetTempPath(), "briefgen-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Write("content/brief.yml", """
            title: Test Brief
            summary: A brief for tests.
            nav: [index, second]
            """);
        Write("content/sources.yml", """
            - id: seed
              type: article-newspaper
              title: "[Test report]"
              text: ../seeds/seed.txt
              publish_text: false
            """);
        Write("seeds/seed.txt", SourceText);
        Write("content/pages/index.md", """
            ---
            title: Home
            ---
            Welcome to the brief [@seed, ¶1].
            """);
        Write("content/pages/second.md", """
            ---
            title: Second Page
            order: 2
            ---
            ## A heading

            Some text.
            """);
    }

    public string Root { get; }

    public string OutDir => Path.Combine(Root, "_site");

    public TestBrief Write(string relativePath, string text)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text.ReplaceLineEndings("\n") + (text.EndsWith('\n') ? "" : "\n"));
        return this;
    }

    public TestBrief WriteBytes(string relativePath, byte[] bytes)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return this;
    }

    public TestBrief Delete(string relativePath)
    {
        File.Delete(Path.Combine(Root, relativePath));
        return this;
    }

    public BuildResult Build(bool strict = false, string? baseUrl = null, bool drafts = false) =>
        new Builder(Options(strict, baseUrl, drafts)).Build();

    public BuildResult Check(bool strict = false) => new Builder(Options(strict, null, false)).Check();

    public BuildOptions Options(bool strict = false, string? baseUrl = null, bool drafts = false) =>
        new() { Root = Root, Strict = strict, BaseUrl = baseUrl, Drafts = drafts };

    public string ReadOutput(string sitePath) => File.ReadAllText(Path.Combine(OutDir, sitePath));

    public static string Lines(BuildResult result) => string.Join("\n", result.Diagnostics.Select(d => d.ToString()));

    public static Diagnostic Single(BuildResult result, string code)
    {
        var matches = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matches.Count == 1, $"expected one {code}, got:\n{Lines(result)}");
        return matches[0];
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
