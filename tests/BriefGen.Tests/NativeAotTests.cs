using BriefGen.Tests.Support;

namespace BriefGen.Tests;

/// <summary>
/// The Native AOT binary builds the same bytes as the JIT build. .ci/run publishes it and names it in
/// BRIEFGEN_AOT_BINARY; without it the test skips on a developer machine and fails under CI.
/// </summary>
public sealed class NativeAotTests
{
    [Fact]
    public void The_native_binary_builds_the_brief_byte_for_byte_like_the_jit_build()
    {
        var binary = Environment.GetEnvironmentVariable("BRIEFGEN_AOT_BINARY");
        if (string.IsNullOrEmpty(binary) || !File.Exists(binary))
        {
            Assert.False(Repo.IsCi, $"CI must publish the Native AOT binary and set BRIEFGEN_AOT_BINARY (got '{binary}')");
            Assert.Skip("BRIEFGEN_AOT_BINARY is not set: publish with `dotnet publish src/BriefGen -c Release -r linux-x64 -p:PublishAot=true` and point it at the binary");
        }

        var jit = Path.Combine(Path.GetTempPath(), "briefgen-jit-" + Guid.NewGuid().ToString("N"));
        var aot = Path.Combine(Path.GetTempPath(), "briefgen-aot-" + Guid.NewGuid().ToString("N"));
        try
        {
            var a = Tool.Dotnet(["build", "--root", Repo.Root, "--out", jit, "--base-url", "/repo/"]);
            var b = Tool.Start(binary, ["build", "--root", Repo.Root, "--out", aot, "--base-url", "/repo/"]);
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
