using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using BriefGen.Build;
using BriefGen.Cli.Serve;
using BriefGen.Diagnostics;
using BriefGen.Load;

namespace BriefGen.Cli;

/// <summary>The briefgen command line (SPEC §4). Exit codes: 0 success, 1 content errors, 2 usage errors.</summary>
public static class Cli
{
    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int UsageErrors = 2;

    private const string Examples = """
        BriefGen builds a sourced policy brief into a static site, proving every quote and figure against its source.

        Examples:
          briefgen build                          build ./content into ./_site
          briefgen build --strict --base-url /mpp-brief/   as GitHub Pages serves a project site
          briefgen check --strict                 every check, nothing written
          briefgen serve --port 8080              live preview on http://127.0.0.1:8080/
          briefgen new page effects --title "Effects on the border"
          briefgen init my-brief --title "My brief"   a new brief with a GitHub Pages workflow
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken stop = default)
    {
        var rootOption = new Option<string>("--root")
        {
            Description = "The folder holding content/ and templates/ (default: the current folder)",
            DefaultValueFactory = _ => ".",
        };
        var outOption = new Option<string?>("--out") { Description = "Output folder (default: ROOT/_site)" };
        var templatesOption = new Option<string?>("--templates") { Description = "A template folder inside the root; its files override the built-in templates" };
        var baseUrlOption = new Option<string?>("--base-url") { Description = "Site root path, e.g. /repo/ for GitHub Pages (overrides brief.yml)" };
        var siteUrlOption = new Option<string?>("--site-url") { Description = "Absolute site address for canonical links and the sitemap (overrides brief.yml)" };
        var strictOption = new Option<bool>("--strict") { Description = "Treat warnings as errors" };
        var draftsOption = new Option<bool>("--drafts") { Description = "Include pages marked draft: true" };
        var quietOption = new Option<bool>("--quiet", "-q") { Description = "Print only diagnostics, no summary line" };
        var portOption = new Option<int>("--port", "-p") { Description = "Port on 127.0.0.1 (default 1313)", DefaultValueFactory = _ => 1313 };
        var titleOption = new Option<string?>("--title") { Description = "The new page's title (default: from its id)" };
        var kindArgument = new Argument<string>("kind") { Description = "What to create: page" };
        var idArgument = new Argument<string>("id") { Description = "The new page's id: lowercase letters, digits and '-'" };
        var sarifOption = new Option<string?>("--sarif") { HelpName = "FILE", Description = "Also write the diagnostics to FILE as SARIF 2.1.0 (GitHub code scanning)" };
        var linksOption = new Option<bool>("--links") { Description = "Also check external links (sources' URL, links in pages); results are cached in ROOT/.briefgen/" };
        var initDirArgument = new Argument<string>("dir") { Description = "The folder for the new brief (default: the current folder)", DefaultValueFactory = _ => "." };
        var initTitleOption = new Option<string?>("--title") { Description = "The brief's title (default: from the folder's name)" };

        var build = new Command("build", "Check the brief and build the site into ROOT/_site")
        {
            rootOption, outOption, templatesOption, baseUrlOption, siteUrlOption, strictOption, draftsOption, quietOption, sarifOption,
        };
        build.SetAction(parse => Execute(parse, write: true));

        var check = new Command("check", "Run every check without writing anything") { rootOption, templatesOption, strictOption, draftsOption, quietOption, sarifOption, linksOption };
        check.SetAction(parse => Execute(parse, write: false));

        var serve = new Command("serve", "Serve a live preview on 127.0.0.1 that rebuilds on change") { rootOption, portOption, templatesOption, draftsOption };
        serve.SetAction(async (parse, cancel) =>
        {
            if (Options(parse, write: false) is not { } options)
            {
                return UsageErrors;
            }

            // Ctrl+C cancels the token System.CommandLine passes in; the server then stops cleanly.
            using var both = CancellationTokenSource.CreateLinkedTokenSource(cancel, stop);
            using var server = new DevServer(options, parse.GetValue(portOption), stdout, stderr);
            return await server.RunAsync(both.Token);
        });

        var create = new Command("new", "Scaffold new content: briefgen new page ID [--title T]") { kindArgument, idArgument, rootOption, titleOption };
        create.SetAction(parse =>
        {
            if (parse.GetValue(kindArgument) != "page")
            {
                stderr.WriteLine($"briefgen: 'new {parse.GetValue(kindArgument)}' is not known; use 'briefgen new page ID'");
                return UsageErrors;
            }

            return Scaffold.NewPage(parse.GetValue(rootOption)!, parse.GetValue(idArgument)!, parse.GetValue(titleOption), stdout, stderr);
        });

        var init = new Command("init", "Start a new brief of its own: content/, seeds/, .gitignore and a GitHub workflow") { initDirArgument, initTitleOption };
        init.SetAction(parse => BriefInit.Run(parse.GetValue(initDirArgument)!, parse.GetValue(initTitleOption), stdout, stderr));

        var root = new RootCommand(Examples) { build, check, serve, create, init };

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

        // System.CommandLine's own handler would print a stack trace; failures are reported below, in one line.
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        return parseResult.InvokeAsync(invocation, stop).GetAwaiter().GetResult();

        BuildOptions? Options(ParseResult parse, bool write)
        {
            var rootDir = parse.GetValue(rootOption)!;
            if (!Directory.Exists(rootDir))
            {
                stderr.WriteLine($"briefgen: root folder '{rootDir}' does not exist");
                return null;
            }

            var siteUrl = write ? parse.GetValue(siteUrlOption) : null;
            if (siteUrl is not null && UrlPaths.SiteProblem(siteUrl) is { } siteProblem)
            {
                stderr.WriteLine($"briefgen: --site-url '{DiagnosticText.Quote(siteUrl)}' {siteProblem}");
                return null;
            }

            var baseUrl = write ? parse.GetValue(baseUrlOption) : null;
            if (baseUrl is not null && UrlPaths.BaseProblem(baseUrl) is { } baseProblem)
            {
                stderr.WriteLine($"briefgen: --base-url '{DiagnosticText.Quote(baseUrl)}' {baseProblem}");
                return null;
            }

            return new BuildOptions
            {
                Root = Path.GetFullPath(rootDir),
                OutDir = write && parse.GetValue(outOption) is { } o ? Path.GetFullPath(o) : null,
                TemplatesDir = parse.GetValue(templatesOption) is { } t ? Path.GetFullPath(t) : null,
                BaseUrl = baseUrl,
                SiteUrl = siteUrl,
                Strict = parse.GetValue(strictOption),
                Drafts = parse.GetValue(draftsOption),
                SourceDateEpoch = SourceDateEpoch(),
            };
        }

        int Execute(ParseResult parse, bool write)
        {
            if (Options(parse, write) is not { } options)
            {
                return UsageErrors;
            }

            var clock = Stopwatch.StartNew();
            BuildResult result;
            try
            {
                var builder = new Builder(options);
                result = write ? builder.Build() : builder.Check();
                if (!write && parse.GetValue(linksOption))
                {
                    result = ExternalLinksCheck.Add(result, options);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException && Environment.GetEnvironmentVariable("BRIEFGEN_DEBUG") is null)
            {
                stderr.WriteLine(FailureLine(e, options.Root));
                return ContentErrors;
            }

            clock.Stop();

            Report(result, options, clock.Elapsed, parse.GetValue(quietOption), write, stdout, stderr);
            if (parse.GetValue(sarifOption) is { } sarif)
            {
                SarifReport.Write(sarif, result, options.Root);
            }

            return result.Succeeded ? Success : ContentErrors;
        }
    }

    /// <summary>
    /// The one line a failure that is no diagnostic prints: the file system's refusal as it is, anything else
    /// as an internal error with the note to report it. Never a stack trace.
    /// </summary>
    public static string FailureLine(Exception e, string root)
    {
        var inner = InternalError.Innermost(e);
        return inner is IOException or UnauthorizedAccessException
            ? $"briefgen: {DiagnosticText.OneLine(inner.Message, 300)}"
            : $"briefgen: {InternalError.Describe(inner)} [while building {DiagnosticText.OneLine(root, DiagnosticText.MaxPath)}]";
    }
    /// <summary>SOURCE_DATE_EPOCH (reproducible-builds.org): whole seconds since 1970, or null when unset or not a number.</summary>
    internal static long? SourceDateEpoch() =>
        long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? seconds : null;

    private static void Report(BuildResult result, BuildOptions options, TimeSpan elapsed, bool quiet, bool wrote, TextWriter stdout, TextWriter stderr)
    {
        var annotate = string.Equals(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);
        var colour = Terminal.UseColour(stderr);
        foreach (var d in result.Diagnostics)
        {
            stderr.WriteLine(colour ? Terminal.Paint(d) : d.ToString());
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

/// <summary>Colour for diagnostics: only on a terminal, and never when NO_COLOR is set (no-color.org).</summary>
internal static class Terminal
{
    public static bool UseColour(TextWriter writer) =>
        ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected &&
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) &&
        Environment.GetEnvironmentVariable("TERM") != "dumb";

    public static string Paint(Diagnostic d)
    {
        var colour = d.Severity == Severity.Error ? "\u001b[31m" : "\u001b[33m";
        return $"{d.Location}: {colour}{d.SeverityText} {d.Code}\u001b[0m: {d.Message}";
    }
}
