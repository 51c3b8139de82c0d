using System.Globalization;
using System.Text;

namespace BriefGen.Diagnostics;

/// <summary>
/// Makes text taken from content safe to print in a diagnostic: one line, no control characters, bounded
/// length. A writer's typo (or a stranger's file) must never add lines to a CI log or flood it.
/// </summary>
public static class DiagnosticText
{
    /// <summary>The longest message printed; anything longer is cut with an ellipsis and the count left out.</summary>
    public const int MaxMessage = 1000;

    /// <summary>The longest path printed.</summary>
    public const int MaxPath = 300;

    /// <summary>Line breaks become "\n", other control characters "\u001b"; long text is shortened.</summary>
    public static string OneLine(string text, int max = MaxMessage)
    {
        var sb = new StringBuilder(Math.Min(text.Length, max + 16));
        var i = 0;
        for (; i < text.Length && sb.Length < max; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085')
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        if (i < text.Length)
        {
            sb.Append(CultureInfo.InvariantCulture, $"… ({text.Length - i} more characters)");
        }

        return sb.ToString();
    }

    /// <summary>A value quoted in a message, shortened harder than the message itself.</summary>
    public static string Quote(string value, int max = 80) => OneLine(value, max);
}
