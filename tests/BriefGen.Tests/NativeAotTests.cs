using BriefGen.Tests.Sources;
using BriefGen.Tests.Support;

namespace BriefGen.Tests;

/// <summary>
/// The Native AOT binary builds the same bytes as the JIT build. .ci/run publishes it and names it in
/// BRIEFGEN_AOT_BINARY; without it the test skips on a developer machine and fails under CI.
/// </summary>
public sealed class NativeAotTests
{
    private static string Binary()
    {
        var binary = Environment.GetEnvironmentVariable("BRIEFGEN_AOT_BINARY");
        if (string.IsNullOrEmpty(binary) || !File.Exists(binary))
        {
            Assert.False(Repo.IsCi, $"CI must publish the Native AOT binary and set BRIEFGEN_AOT_BINARY (got '{binary}')");
            Assert.Skip("BRIEFGEN_AOT_BINARY is not set: publish with `dotnet publish src/BriefGen -c Release -r linux-x64 -p:PublishAot=true` and point it at the binary");
        }

        return binary;
    }

    [Fact]
    public void The_native_binary_reads_pdf_and_web_page_sources_byte_for_byte_like_the_jit_build()
    {
        var binary = Binary();
        using var brief = new TestBrief();
        foreach (var (fixture, to) in new[] { ("ca1-calvary-chapel-v-mills.pdf", "seeds/opinion.pdf"), ("bbc-1/source.html", "seeds/article.html") })
        {
            File.Copy(SourceFixtures.PathOf(fixture), Path.Combine(brief.Root, to));
        }

        brief.Write("content/sources.yml", """
            - id: seed
              type: article-newspaper
              title: "[Test report]"
              text: ../seeds/seed.txt
            - id: opinion
              type: legal_case
              title: Calvary Chapel of Bangor v. Mills
              URL: https://example.org/20-1507.pdf
              text: ../seeds/opinion.pdf
              sha256: 9d81ff550ec8d851dfb9cf6f7f52fce73cd4f115470d30d51e5af77151a66534
              publish_text: true
            - id: article
              type: article-newspaper
              title: Obama admits US gun laws are his 'biggest frustration'
              URL: https://example.org/bbc
              text: ../seeds/article.html
            """);
        brief.Write("content/entities.yml", "- id: court\n  name: The Court\n  kind: court\n- id: obama\n  name: Barack Obama\n  kind: person\n  aliases: [Obama]\n");
        brief.Write("content/pages/second.md", """
            ---
            title: Second Page
            order: 2
            ---
            Intro.

            > “were identified as a major vector of transmission”
            > — [[court]], in its opinion [@opinion, ¶29]

            > “For us not to be able to resolve that issue has been something that is distressing”
            > — [[obama]], to the BBC [@article, ¶17]
            """);

        var jit = Path.Combine(brief.Root, "_jit");
        var aot = Path.Combine(brief.Root, "_aot");
        var a = Tool.Dotnet(["build", "--root", brief.Root, "--out", jit]);
        Assert.True(a.ExitCode == 0, a.Stdout + a.Stderr);
        Directory.Delete(Path.Combine(brief.Root, ".briefgen"), true); // the native build extracts the texts itself
        var b = Tool.Start(binary, ["build", "--root", brief.Root, "--out", aot]);
        Assert.True(b.ExitCode == 0, b.Stdout + b.Stderr);
        Assert.True(Directory.Exists(Path.Combine(brief.Root, ".briefgen")));
        Assert.Contains("vector of transmission", File.ReadAllText(Path.Combine(aot, "sources", "opinion", "index.html")), StringComparison.Ordinal);
        Tool.AssertSameTrees(jit, aot);
    }

    [Fact]
    public void The_native_binary_builds_the_brief_byte_for_byte_like_the_jit_build()
    {
        var binary = Binary();

        var jit = Path.Combine(Path.GetTempPath(), "briefgen-jit-" + Guid.NewGuid().ToString("N"));
        var aot = Path.Combine(Path.GetTempPath(), "briefgen-aot-" + Guid.NewGuid().ToString("N"));
        try
        {
            var a = Tool.Dotnet(["build", "--root", FixtureBriefs.Mpp, "--out", jit, "--base-url", "/repo/"]);
            var b = Tool.Start(binary, ["build", "--root", FixtureBriefs.Mpp, "--out", aot, "--base-url", "/repo/"]);
            Assert.True(a.ExitCode == 0, a.Stderr);
            Assert.True(b.ExitCode == 0, b.Stderr);
            Tool.AssertSameTrees(jit, aot);
        }
        finally
        {
            foreach (var dir in new[] { jit, aot })
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, true);
                }
            }
        }
    }
}
