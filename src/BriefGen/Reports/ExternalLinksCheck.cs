using BriefGen.Build;
using BriefGen.Diagnostics;
using BriefGen.Links;
using BriefGen.Load;
using BriefGen.Markdown;

namespace BriefGen.Cli;

/// <summary><c>check --links</c>: adds the external link check's warnings to a check's result.</summary>
internal static class ExternalLinksCheck
{
    public static BuildResult Add(BuildResult result, BuildOptions options)
    {
        var paths = new RootPaths(options.Root);
        var content = new ContentLoader(paths, new DiagnosticBag(), options.Drafts).Load();
        if (content is null)
        {
            return result;
        }

        var found = new DiagnosticBag();
        var links = ExternalLinks.Collect(content, paths, new MarkdownEngine());
        new ExternalLinkCheck(new LinkCheckOptions()).RunAsync(links, ExternalLinkCheck.CacheFile(options.Root), found).GetAwaiter().GetResult();

        var all = new DiagnosticBag();
        foreach (var d in result.Diagnostics.Concat(found.Sorted().Select(d => options.Strict ? d with { Severity = Severity.Error } : d)))
        {
            all.Add(d);
        }

        var merged = all.Sorted();
        return result with { Diagnostics = merged, Files = merged.Any(d => d.Severity == Severity.Error) ? [] : result.Files };
    }
}
