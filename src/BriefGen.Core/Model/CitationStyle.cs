using BriefGen.Csl;

namespace BriefGen.Model;

/// <summary>
/// The CSL style and locale the brief's notes and bibliography are formatted in (brief.yml's <c>csl:</c> and
/// <c>locale:</c>): <see cref="Name"/> is the built-in style's name or the .csl file as written.
/// </summary>
public sealed record CitationStyle(string Name, CslStyle Style, CslLocale Locale)
{
    /// <summary>The default: Chicago shortened notes and bibliography, in the locale for <paramref name="language"/>.</summary>
    public static CitationStyle Default(string? language = null) =>
        new(CslStyle.DefaultName, CslStyle.BuiltIn(CslStyle.DefaultName), CslLocale.BuiltIn(language));
}
