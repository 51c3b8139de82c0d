namespace BriefGen.Tests.Support;

/// <summary>
/// The tool as a user installs it: packed once into a temporary folder (<c>dotnet pack</c>) and
/// installed from there with <c>dotnet tool install --tool-path</c>. Shared by the tests of the
/// "packed tool" collection, which run one after another (packing twice at once would collide in obj/).
/// </summary>
public sealed class PackedTool : IDisposable
{
    /// <summary>Packing and installing build the tool in Release; on a busy machine that takes minutes.</summary>
    public static readonly TimeSpan Slow = TimeSpan.FromMinutes(10);

    public PackedTool()
    {
        Work = Path.Combine(Path.GetTempPath(), "briefgen-pack-" + Guid.NewGuid().ToString("N"));
        Artifacts = Path.Combine(Work, "artifacts");
        var pack = Tool.Start("dotnet", ["pack", Path.Combine(Repo.Root, "src/BriefGen"), "-c", "Release", "-o", Artifacts, "--nologo"], timeout: Slow);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + pack.Stdout + pack.Stderr);
        }

        Package = Directory.GetFiles(Artifacts, "BriefGen.*.nupkg").Single();
        Version = Path.GetFileNameWithoutExtension(Package)["BriefGen.".Length..];
        var tools = Path.Combine(Work, "tools");
        // A packages folder of its own: the global one may hold an older package of the same version.
        var install = Tool.Start("dotnet", ["tool", "install", "--tool-path", tools, "--add-source", Artifacts, "BriefGen", "--version", Version],
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Work, "nuget-packages") }, timeout: Slow);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet tool install failed:\n" + install.Stdout + install.Stderr);
        }

        Executable = Path.Combine(tools, OperatingSystem.IsWindows() ? "briefgen.exe" : "briefgen");
    }

    /// <summary>A temporary folder of its own; deleted with the fixture.</summary>
    public string Work { get; }

    /// <summary>The folder holding the .nupkg: a local package source.</summary>
    public string Artifacts { get; }

    public string Package { get; }

    public string Version { get; }

    /// <summary>The installed <c>briefgen</c> command.</summary>
    public string Executable { get; }

    public Tool.Run Run(IEnumerable<string> args, string? workingDir = null, IDictionary<string, string>? env = null) =>
        Tool.Start(Executable, args, env, workingDir);

    public string NewFolder(string name)
    {
        var dir = Path.Combine(Work, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Work, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>The tests that use the packed tool, or pack it themselves.</summary>
[CollectionDefinition(Name)]
public sealed class PackedToolCollection : ICollectionFixture<PackedTool>
{
    public const string Name = "packed tool";
}
