using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using BriefGen.Build;
using BriefGen.Diagnostics;

namespace BriefGen.Cli;

/// <summary>The briefgen command line (SPEC §4). Exit codes: 0 success, 1 content errors, 2 usage errors.</summary>
public static class Cli
{
    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int UsageErrors = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var rootOption = new Option<string>("--root")
        {
            Description = "The folder holding content/ and templates/ (default: the current folder)",
            DefaultValueFactory = _ => ".",
        };
        var outOption = new Option<string?>("--out") { Description = "Output folder (default: ROOT/_site)" };
        var templatesOption = new Option<string?>("--templates") { Description = "Use another template folder inside the root" };
        var baseUrlOption = new Option<string?>("--base-url") { Description = "Site root path, e.g. /repo/ for GitHub Pages (overrides brief.yml)" };
        var strictOption = new Option<bool>("--strict") { Description = "Treat warnings as errors" };
        var draftsOption = new Option<bool>("--drafts") { Description = "Include pages marked draft: true" };
        var quietOption = new Option<bool>("--quiet", "-q") { Description = "Print only diagnostics, no summary line" };

        var build = new Command("build", "Check the brief and build the site into ROOT/_site")
        {
            rootOption, outOption, templatesOption, baseUrlOption, strictOption, draftsOption, quietOption,
        };
        build.SetAction(parse => Execute(parse, write: true));

        var check = new Command("check", "Run every check without writing anything") { rootOption, templatesOption, strictOption, draftsOption, quietOption };
        check.SetAction(parse => Execute(parse, write: false));

        var root = new RootCommand("BriefGen: builds a sourced policy brief into a static site, proving every quote and figure against its source.")
        {
            build, check,
        };

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                stderr.WriteLine($"briefgen: {error.Message}");
            }

            stderr.WriteLine("Run 'briefgen --help' for usage.");
            return UsageErrors;
        }

        return parseResult.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });

        int Execute(ParseResult parse, bool write)
        {
            var rootDir = parse.GetValue(rootOption)!;
            if (!Directory.Exists(rootDir))
            {
                stderr.WriteLine($"briefgen: root folder '{rootDir}' does not exist");
                return UsageErrors;
            }

            var options = new BuildOptions
            {
                Root = Path.GetFullPath(rootDir),
                OutDir = parse.GetValue(outOption) is { } o ? Path.GetFullPath(o) : null,
                TemplatesDir = parse.GetValue(templatesOption) is { } t ? Path.GetFullPath(t) : null,
                BaseUrl = parse.GetValue(baseUrlOption),
                Strict = parse.GetValue(strictOption),
                Drafts = parse.GetValue(draftsOption),
            };

            var clock = Stopwatch.StartNew();
            var builder = new Builder(options);
            var result = write ? builder.Build() : builder.Check();
            clock.Stop();

            Report(result, options, clock.Elapsed, parse.GetValue(quietOption), write, stdout, stderr);
            return result.Succeeded ? Success : ContentErrors;
        }
    }

    private static void Report(BuildResult result, BuildOptions options, TimeSpan elapsed, bool quiet, bool wrote, TextWriter stdout, TextWriter stderr)
    {
        var annotate = string.Equals(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);
        foreach (var d in result.Diagnostics)
        {
            stderr.WriteLine(d.ToString());
            if (annotate)
            {
                stdout.WriteLine(d.ToGitHubAnnotation());
            }
        }

        if (quiet)
        {
            return;
        }

        var s = result.Stats;
        var verb = !result.Succeeded ? "Failed" : wrote ? "Built" : "Checked";
        var where = wrote && result.Succeeded ? $" into {Path.GetRelativePath(Directory.GetCurrentDirectory(), options.ResolvedOutDir)}" : "";
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{verb}{where}: {s.Pages} pages, {s.Citations} citations, quotes {s.QuotesVerified}/{s.Quotes} verified, " +
            $"figures {s.FiguresVerified}/{s.Figures} verified, {result.Errors} errors, {result.Warnings} warnings in {elapsed.TotalMilliseconds:F0} ms"));
    }
}
