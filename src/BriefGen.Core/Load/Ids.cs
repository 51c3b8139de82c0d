using System.Text;

namespace BriefGen.Load;

/// <summary>Ids name pages, entities, sources, events and figures, and become URL segments.</summary>
public static class Ids
{
    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > InputLimits.IdLength || !IsLowerAlnum(id[0]))
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!IsLowerAlnum(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    public const string Rule = "ids are lowercase letters, digits and '-', starting with a letter or digit, at most 100 characters";

    /// <summary>A valid id made from free text, e.g. a timeline event's title.</summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder();
        var dash = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var lower = char.ToLowerInvariant(c);
            if (IsLowerAlnum(lower))
            {
                if (dash && sb.Length > 0)
                {
                    sb.Append('-');
                }

                sb.Append(lower);
                dash = false;
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                dash = true;
            }
        }

        return sb.ToString();
    }

    private static bool IsLowerAlnum(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';
}
