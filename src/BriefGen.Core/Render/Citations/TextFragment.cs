using System.Text;
using BriefGen.Markdown;

namespace BriefGen.Render.Citations;

/// <summary>
/// URL text fragments (<c>#:~:text=start,end</c>, WICG Scroll-to-Text-Fragment) that make a browser
/// scroll to and highlight the cited passage on the source's own page.
/// </summary>
public static class TextFragment
{
    /// <summary>
    /// A directive for <paramref name="passage"/>: the whole passage when short, else its first and last
    /// few words as textStart,textEnd.
    /// </summary>
    public static string For(string passage, int words = 5)
    {
        // Words are the runs between white space; only the first 2 × words + 1 are counted, and the passage is cut at
        // a word's end or start, so that no string is made per word.
        var (count, firstEnd) = (0, 0);
        for (var i = 0; i < passage.Length && count <= words * 2;)
        {
            while (i < passage.Length && char.IsWhiteSpace(passage[i]))
            {
                i++;
            }

            if (i == passage.Length)
            {
                break;
            }

            while (i < passage.Length && !char.IsWhiteSpace(passage[i]))
            {
                i++;
            }

            if (++count == words)
            {
                firstEnd = i;
            }
        }

        if (count == 0)
        {
            return "";
        }

        if (count <= words * 2)
        {
            return ":~:text=" + Encode(PlainText.Squash(passage));
        }

        var lastStart = passage.Length;
        for (var seen = 0; seen < words; seen++)
        {
            while (char.IsWhiteSpace(passage[lastStart - 1]))
            {
                lastStart--;
            }

            while (lastStart > 0 && !char.IsWhiteSpace(passage[lastStart - 1]))
            {
                lastStart--;
            }
        }

        return ":~:text=" + Encode(PlainText.Squash(passage[..firstEnd])) + "," + Encode(PlainText.Squash(passage[lastStart..]));
    }

    /// <summary>Percent-encodes a directive value: everything but unreserved characters, and '-' too, as the spec requires.</summary>
    public static string Encode(string text)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '~'))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }
}
