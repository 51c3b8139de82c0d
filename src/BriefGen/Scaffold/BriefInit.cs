namespace BriefGen.Cli;

/// <summary>
/// <c>briefgen init [DIR] [--title T]</c>: a new brief of its own — content/, seeds/, .gitignore and
/// a GitHub workflow that installs BriefGen — which builds with <c>--strict</c> as it is.
/// </summary>
internal static class BriefInit
{
    public static int Run(string dir, string? title, TextWriter stdout, TextWriter stderr)
    {
        var root = Path.GetFullPath(dir);
        if (File.Exists(root))
        {
            stderr.WriteLine($"briefgen: '{dir}' is a file; give init a folder");
            return Cli.UsageErrors;
        }

        var files = ScaffoldFiles.Under("init");
        var taken = files.Select(f => f.Path).Where(p => File.Exists(Path.Combine(root, p)) || Directory.Exists(Path.Combine(root, p))).ToList();
        if (Directory.Exists(Path.Combine(root, "content")))
        {
            taken.Insert(0, "content/");
        }

        if (taken.Count > 0)
        {
            stderr.WriteLine($"briefgen: '{dir}' already holds {string.Join(", ", taken.Take(3))}{(taken.Count > 3 ? $" and {taken.Count - 3} more" : "")}; " +
                             "init writes only into a folder without a brief, and nothing was changed");
            return Cli.ContentErrors;
        }

        var version = ScaffoldFiles.ToolVersion();
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = ScaffoldFiles.YamlString(title ?? ScaffoldFiles.TitleFrom(Path.GetFileName(Path.TrimEndingDirectorySeparator(root)))),
            ["version"] = version,
            ["major"] = version.Split('.')[0],
            ["action"] = ScaffoldFiles.ActionRepository(),
        };

        foreach (var (path, name) in files)
        {
            var target = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            // CreateNew: a file that appeared since the check above is never overwritten.
            using var stream = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            writer.Write(ScaffoldFiles.Read(name, values));
        }

        var shown = Path.GetRelativePath(Directory.GetCurrentDirectory(), root);
        stdout.WriteLine($"Created a brief in {shown}: {string.Join(", ", files.Select(f => f.Path.Split('/')[0]).Distinct(StringComparer.Ordinal))}");
        stdout.WriteLine("Next:");
        var rootArg = shown == "." ? "" : $" --root {Quote(shown)}";
        stdout.WriteLine($"  briefgen serve{rootArg}   (a live preview on http://127.0.0.1:1313/)");
        stdout.WriteLine($"  briefgen build --strict{rootArg}   (what the GitHub workflow runs)");
        return Cli.Success;
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}
