using BriefGen.Csl;
using BriefGen.Diagnostics;
using BriefGen.Model;

namespace BriefGen.Load;

/// <summary>
/// brief.yml's <c>csl:</c> and <c>locale:</c>: a built-in style by name or a <c>.csl</c> file (a path from the
/// brief's root folder), and an embedded CSL locale. A name, file or locale that cannot be used is one error at
/// its place in brief.yml, and the default style stands in so the rest of the brief is still checked.
/// </summary>
internal sealed class StyleLoader(RootPaths paths, DiagnosticBag diagnostics)
{
    public CitationStyle Load(string? csl, Location cslAt, string? locale, Location localeAt, string language)
    {
        var tag = Locale(locale, localeAt, language);
        var name = csl?.Trim() ?? "";
        if (name.Length == 0)
        {
            return new CitationStyle(CslStyle.DefaultName, CslStyle.BuiltIn(CslStyle.DefaultName), CslLocale.BuiltIn(tag));
        }

        CslStyle? style = null;
        if (CslStyle.BuiltInNames.Contains(name, StringComparer.Ordinal))
        {
            style = CslStyle.BuiltIn(name);
        }
        else if (name.EndsWith(".csl", StringComparison.OrdinalIgnoreCase))
        {
            style = FromFile(name, cslAt);
        }
        else
        {
            diagnostics.Error(cslAt, DiagnosticCodes.UnknownCslStyle,
                $"csl '{name}' is not a built-in style{FieldNames.DidYouMean(name, CslStyle.BuiltInNames)}; use one of {string.Join(", ", CslStyle.BuiltInNames)}, or a path to a .csl file");
        }

        return style is null
            ? new CitationStyle(CslStyle.DefaultName, CslStyle.BuiltIn(CslStyle.DefaultName), CslLocale.BuiltIn(tag))
            : new CitationStyle(name, style, CslLocale.BuiltIn(tag));
    }

    /// <summary>The locale tag to use: <c>locale:</c> when it names an embedded locale, else the brief's language.</summary>
    private string Locale(string? locale, Location at, string language)
    {
        if (locale is null)
        {
            return language;
        }

        var known = CslLocale.BuiltInTags.FirstOrDefault(t => string.Equals(t, locale.Trim(), StringComparison.OrdinalIgnoreCase))
                    ?? CslLocale.BuiltInTags.FirstOrDefault(t => string.Equals(t.Split('-')[0], locale.Trim(), StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            diagnostics.Error(at, DiagnosticCodes.UnknownCslLocale,
                $"locale '{locale}' is not one of the embedded CSL locales ({string.Join(", ", CslLocale.BuiltInTags)})");
            return "en-US";
        }

        return known;
    }

    private CslStyle? FromFile(string written, Location at)
    {
        // A path from the root: content/brief.yml names it, but styles sit beside content/, as a Pandoc user keeps them.
        var full = paths.ResolveFrom(Path.Combine(paths.Root, "brief.yml"), written, at, diagnostics);
        if (full is null || paths.ReadText(full, at, InputLimits.ContentFileBytes, diagnostics) is not { } xml)
        {
            return null;
        }

        try
        {
            return CslStyle.Parse(xml);
        }
        catch (CslException e)
        {
            var where = e.Line > 0 ? $" (line {e.Line}, column {e.Column})" : "";
            diagnostics.Error(at, DiagnosticCodes.BadCslStyle, $"'{written}' is not a usable CSL 1.0.2 style{where}: {e.Message}");
            return null;
        }
    }
}
