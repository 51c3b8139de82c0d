using System.Globalization;
using System.Text;
using BriefGen.Model;
using BriefGen.Resolve;

namespace BriefGen.Build;

/// <summary>
/// Which outputs a rebuild can have changed, told from the brief before and after without building every page's
/// view (the preview's fast path). Only an edit to the bodies of pages is told apart: the page itself changes, and
/// when what other outputs show of it changed too (its cross-links and their sections, its citation marks, its quote
/// boxes and quotations with their checks), so do the outputs it links, cites or quotes and the generated lists.
/// Anything else — brief.yml, a source, an entity, an event, a figure, a page's front matter, a page added or
/// removed, an edit that changes the order in which the brief first cites its sources — is "cannot tell" (null), and
/// the preview builds every view to compare.
/// </summary>
public static class ChangedOutputs
{
    /// <summary>The pages of the site that list things from every page, whatever their kind.</summary>
    public static readonly IReadOnlyList<string> Lists =
        [SitePaths.Home, SitePaths.Entities, SitePaths.Quotes, SitePaths.Figures, SitePaths.Sources, SitePaths.Timeline];

    /// <summary>The site paths of the outputs that may differ; null when this cannot be told cheaply.</summary>
    public static IReadOnlySet<string>? Between(PreparedSite before, PreparedSite after)
    {
        var a = before.Brief.Content;
        var b = after.Brief.Content;
        if (!ReferenceEquals(a.Brief, b.Brief) || !Same(a.Sources, b.Sources) || !Same(a.Entities, b.Entities) ||
            !Same(a.Events, b.Events) || !Same(a.Figures, b.Figures) || a.Pages.Count != b.Pages.Count ||
            !a.LeftOutDrafts.SequenceEqual(b.LeftOutDrafts, StringComparer.Ordinal) || a.Unloaded.Count != b.Unloaded.Count ||
            !before.Brief.ReadingOrder.Select(p => p.Id).SequenceEqual(after.Brief.ReadingOrder.Select(p => p.Id), StringComparer.Ordinal) ||
            !before.Inputs.Citations.SameSourcesAs(after.Inputs.Citations))
        {
            // Sources formatted anew (an edit that changed the order in which the brief first cites them) renumber a
            // numeric style's notes and bibliography on every page: not told apart.
            return null;
        }

        var changed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < b.Pages.Count; i++)
        {
            Page was = a.Pages[i], now = b.Pages[i];
            if (ReferenceEquals(was, now))
            {
                continue;
            }

            // Front matter (title, summary, order, tags…) shows on other pages: nav, lists, links. Not told apart.
            if (!(was with { Body = now.Body, Tags = now.Tags }).Equals(now) || !was.Tags.SequenceEqual(now.Tags, StringComparer.Ordinal))
            {
                return null;
            }

            var sitePath = SitePaths.Page(now.Id);
            changed.Add(sitePath);
            if (!string.Equals(Outward(before, was, sitePath), Outward(after, now, sitePath), StringComparison.Ordinal))
            {
                changed.UnionWith(Related(before, was, sitePath));
                changed.UnionWith(Related(after, now, sitePath));
                changed.UnionWith(Lists);
            }
        }

        return changed;
    }

    private static bool Same<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
        where T : class =>
        a.Count == b.Count && a.Zip(b).All(x => ReferenceEquals(x.First, x.Second));

    /// <summary>What outputs other than the page itself show of it, as one text to compare.</summary>
    private static string Outward(PreparedSite site, Page page, string sitePath)
    {
        var brief = site.Brief;
        var text = new StringBuilder();
        foreach (var target in brief.Mentions.From(page.Id))
        {
            foreach (var m in brief.Mentions.To(target).Where(m => m.FromId == page.Id))
            {
                text.Append("m\0").Append(m.TargetId).Append('\0').Append(m.FromSitePath).Append('\0').Append(m.Section).Append('\0').Append(m.SectionTitle).Append('\n');
            }
        }

        var context = brief.Page(sitePath);
        foreach (var use in context.Uses)
        {
            text.Append("c\0").Append(use.SourceId).Append('\0').Append(use.Locator.Display).Append('\0').Append(use.MarkId).Append('\0')
                .Append(use.NoteNumber.ToString(CultureInfo.InvariantCulture)).Append('\0').Append(use.BackLink).Append('\n');
        }

        foreach (var quote in context.Quotes)
        {
            var check = site.Verification.Of(quote.Box);
            text.Append("q\0").Append(quote.Anchor).Append('\0').Append(quote.Box.Text).Append('\0').Append(quote.SpeakerId).Append('\0')
                .Append(check?.Status.ToString()).Append('\0').Append(check?.SourceId).Append('\0').Append(check?.Locator.Display).Append('\n');
        }

        foreach (var quotation in site.Verification.Quotations.Where(q => q.At.Path == page.At.Path))
        {
            text.Append("r\0").Append(quotation.Text).Append('\0').Append(quotation.Status.ToString()).Append('\0').Append(quotation.SourceId)
                .Append('\0').Append(quotation.Locator?.Display).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The outputs that show something of the page: what it links to, the sources it cites, the speakers it quotes.</summary>
    private static IEnumerable<string> Related(PreparedSite site, Page page, string sitePath)
    {
        var brief = site.Brief;
        foreach (var id in brief.Mentions.From(page.Id))
        {
            if (brief.Ids.TryGet(id, out var target))
            {
                yield return target.SitePath.Split('#')[0];
            }
        }

        var context = brief.Page(sitePath);
        foreach (var use in context.Uses)
        {
            yield return SitePaths.Source(use.SourceId);
        }

        foreach (var quote in context.Quotes)
        {
            if (quote.SpeakerId is { } speaker)
            {
                yield return SitePaths.Entity(speaker);
            }
        }
    }
}
