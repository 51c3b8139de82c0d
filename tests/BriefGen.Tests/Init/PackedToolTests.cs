using System.IO.Compression;
using System.Xml.Linq;
using BriefGen.Tests.Support;

namespace BriefGen.Tests.Init;

/// <summary>The tool packed and installed as a user gets it from NuGet: it builds briefs anywhere, and init's brief at once.</summary>
[Collection(PackedToolCollection.Name)]
public sealed class PackedToolTests(PackedTool tool)
{
    [Fact]
    public void The_packed_tool_installs_and_builds_a_brief_from_any_folder()
    {
        // A brief elsewhere on disk, with no templates/: the built-in ones are in the tool.
        var brief = tool.NewFolder("my-brief");
        ToolingTests.CopyDirectory(Path.Combine(FixtureBriefs.Mpp, "content"), Path.Combine(brief, "content"));
        ToolingTests.CopyDirectory(Path.Combine(FixtureBriefs.Mpp, "seeds"), Path.Combine(brief, "seeds"));
        var build = tool.Run(["build", "--strict"], workingDir: brief);
        Assert.True(build.ExitCode == 0, build.Stdout + build.Stderr);
        Assert.True(File.Exists(Path.Combine(brief, "_site", "index.html")));
        Assert.True(File.Exists(Path.Combine(brief, "_site", "assets", "site.css")));
    }

    [Fact]
    public void Init_then_build_strict_with_the_installed_tool_exits_0()
    {
        var brief = Path.Combine(tool.NewFolder("init"), "b");
        var init = tool.Run(["init", brief]);
        Assert.True(init.ExitCode == 0, init.Stdout + init.Stderr);
        var build = tool.Run(["build", "--strict", "--root", brief]);
        Assert.True(build.ExitCode == 0, build.Stdout + build.Stderr);
        Assert.Contains("0 errors, 0 warnings", build.Stdout);
        Assert.True(File.Exists(Path.Combine(brief, "_site", "sources", "sample-report", "index.html")));
    }

    [Fact]
    public void The_package_carries_a_readme_licence_repository_and_tags_but_no_icon()
    {
        using var zip = ZipFile.OpenRead(tool.Package);
        Assert.NotNull(zip.GetEntry("README.md"));
        using var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;

        Assert.Equal("BriefGen", Value("id"));
        Assert.Equal(tool.Version, Value("version"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Equal("MIT", Value("license"));
        Assert.Contains("sourced policy briefs", Value("description"));
        Assert.Contains("citations", Value("tags"));
        Assert.False(string.IsNullOrWhiteSpace(Value("authors")));
        Assert.StartsWith("https://github.com/", metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("url")!.Value);
        Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName is "icon" or "iconUrl");

        using var readme = new StreamReader(zip.GetEntry("README.md")!.Open());
        Assert.Contains("dotnet tool install -g BriefGen", readme.ReadToEnd());
    }
}
