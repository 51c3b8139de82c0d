using System.Diagnostics;

namespace BriefGen.Tests.Support;

/// <summary>Runs the briefgen tool as a separate process, as a user would.</summary>
public static class Tool
{
    /// <summary>The JIT build of the tool, copied beside the tests by the project reference.</summary>
    public static string JitDll => Path.Combine(AppContext.BaseDirectory, "briefgen.dll");

    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    public static Run Dotnet(IEnumerable<string> args, IDictionary<string, string>? env = null, string? workingDir = null) =>
        Start("dotnet", [JitDll, .. args], env, workingDir);

    public static Run Start(string file, IEnumerable<string> args, IDictionary<string, string>? env = null, string? workingDir = null, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromMinutes(10);
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDir ?? Directory.GetCurrentDirectory(),
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment.Remove("GITHUB_ACTIONS");
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish in {limit.TotalMinutes} minutes");
        }

        return new Run(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Every file under a folder, by relative path, as bytes.</summary>
    public static SortedDictionary<string, byte[]> Tree(string folder) => new(
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes),
        StringComparer.Ordinal);

    public static void AssertSameTrees(string expectedFolder, string actualFolder)
    {
        var expected = Tree(expectedFolder);
        var actual = Tree(actualFolder);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs between {expectedFolder} and {actualFolder}");
        }
    }
}
