using System.Globalization;
using Scriban.Runtime;

namespace BriefGen.Render;

/// <summary>
/// A hash of everything a page's template sees: its path, its template and its model, with deferred Markdown
/// counted by its <see cref="Html.Key"/>. Two views with one fingerprint render to the same bytes (for the same
/// theme and site), so the preview renders again only the pages whose fingerprint changed.
/// </summary>
public static class ViewFingerprint
{
    public static string Of(PageView view, string site)
    {
        using var digest = new ContextDigest();
        Add(digest, site);
        Add(digest, view.SitePath);
        Add(digest, view.Template);
        Add(digest, view.Model);
        return digest.Finish();
    }

    /// <summary>A hash of any template value: the site object, a model.</summary>
    public static string Of(object? value)
    {
        using var digest = new ContextDigest();
        Add(digest, value);
        return digest.Finish();
    }

    private static void Add(ContextDigest digest, object? value)
    {
        switch (value)
        {
            case null:
                digest.Mark('n');
                break;
            case string s:
                digest.Mark('s');
                digest.Add(s);
                break;
            case Html html:
                digest.Mark('h');
                digest.Add(html.Key);
                break;
            case ScriptObject obj:
                digest.Mark('{');
                foreach (var (name, member) in obj)
                {
                    digest.Add(name);
                    Add(digest, member);
                }

                digest.Mark('}');
                break;
            case ScriptArray array:
                digest.Mark('[');
                foreach (var item in array)
                {
                    Add(digest, item);
                }

                digest.Mark(']');
                break;
            case IFormattable formattable:
                digest.Mark('f');
                digest.Add(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                digest.Mark('o');
                digest.Add(value.ToString() ?? "");
                break;
        }
    }
}
