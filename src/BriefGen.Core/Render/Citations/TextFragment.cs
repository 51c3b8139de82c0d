using System.Text;

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
        var tokens = passage.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0)
        {
            return "";
        }

        if (tokens.Length <= words * 2)
        {
            return ":~:text=" + Encode(string.Join(' ', tokens));
        }

        return ":~:text=" + Encode(string.Join(' ', tokens[..words])) + "," + Encode(string.Join(' ', tokens[^words..]));
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
