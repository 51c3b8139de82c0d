namespace BriefGen.Verify;

/// <summary>
/// Finds a figure's value in source text (SPEC §3): as text, after normalizing quotes, dashes and white
/// space, with no digit directly before or after it (59,000 is in "Approximately59,000"; 9,000 is not).
/// </summary>
public static class FigureMatcher
{
    public static bool Contains(string text, string value)
    {
        var haystack = Normalize(text);
        var needle = Normalize(value);
        if (needle.Length == 0)
        {
            return false;
        }

        for (var at = haystack.IndexOf(needle, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = haystack.IndexOf(needle, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = at > 0 && char.IsDigit(haystack[at - 1]);
            var after = at + needle.Length < haystack.Length && char.IsDigit(haystack[at + needle.Length]);
            if (!before && !after)
            {
                return true;
            }
        }

        return false;
    }

    public static string Normalize(string text) => Markdown.PlainText.Squash(text, c => c switch
    {
        '‐' or '‑' or '‒' or '–' or '—' or '―' or '−' => '-',
        '“' or '”' or '„' or '‟' or '″' => '"',
        '‘' or '’' or '‚' or '‛' or '′' => '\'',
        _ => c,
    });
}
