namespace BriefGen.Load;

/// <summary>Site-internal URL paths.</summary>
public static class UrlPaths
{
    /// <summary>"/repo" → "/repo/"; "/" stays "/".</summary>
    public static string NormalizeBase(string baseUrl) => baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/";

    /// <summary>
    /// True for a URL whose scheme runs code or embeds content (javascript:, vbscript:, data:), in any case,
    /// with entities or percent-encoding, or with control characters and spaces inside the scheme.
    /// </summary>
    public static bool IsUnsafe(string url)
    {
        var decoded = System.Net.WebUtility.HtmlDecode(url);
        try
        {
            decoded = Uri.UnescapeDataString(decoded);
        }
        catch (UriFormatException)
        {
            // Keep the text as it is; malformed escapes cannot form a scheme.
        }

        var scheme = new System.Text.StringBuilder();
        foreach (var c in decoded)
        {
            if (c == ':')
            {
                break;
            }

            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                continue;
            }

            scheme.Append(char.ToLowerInvariant(c));
        }

        return scheme.ToString() is "javascript" or "vbscript" or "data";
    }
}
