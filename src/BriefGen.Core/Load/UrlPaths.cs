namespace BriefGen.Load;

/// <summary>Site-internal URL paths.</summary>
public static class UrlPaths
{
    /// <summary>"/repo" → "/repo/"; "/" stays "/".</summary>
    public static string NormalizeBase(string baseUrl) => baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/";

    /// <summary>
    /// Why <paramref name="baseUrl"/> is not '/' followed by URL path segments, or null when it is. Strict on
    /// purpose: "/\\evil.example/" or "//evil.example/" would make browsers load the site's scripts from another
    /// host, so only letters, digits, '-', '.', '_', '~' and %XX escapes may form a segment.
    /// </summary>
    public static string? BaseProblem(string baseUrl)
    {
        if (!baseUrl.StartsWith('/'))
        {
            return "must be a path starting with '/', such as / or /repo/";
        }

        if (baseUrl.Any(char.IsControl))
        {
            return "holds a control character; write a path such as /repo/";
        }

        if (baseUrl.Contains('\\', StringComparison.Ordinal))
        {
            return "holds a backslash, which browsers read as '/'; write a path such as /repo/";
        }

        if (baseUrl.Contains("//", StringComparison.Ordinal))
        {
            return "holds '//', which names another host; write a path such as /repo/";
        }

        if (baseUrl.Contains(':', StringComparison.Ordinal))
        {
            return "holds ':' (a scheme or port); base_url is a path only, such as /repo/ — put the address in site_url";
        }

        var segments = baseUrl.Trim('/').Split('/');
        foreach (var segment in baseUrl == "/" ? [] : segments)
        {
            if (segment is "." or "..")
            {
                return "holds a '.' or '..' segment; write a path such as /repo/";
            }

            for (var i = 0; i < segment.Length; i++)
            {
                var c = segment[i];
                if (c == '%' && i + 2 < segment.Length && Uri.IsHexDigit(segment[i + 1]) && Uri.IsHexDigit(segment[i + 2]))
                {
                    i += 2;
                    continue;
                }

                if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~'))
                {
                    return $"holds '{c}'; a segment is letters, digits, '-', '.', '_', '~' or %XX escapes, such as /repo/";
                }
            }
        }

        return null;
    }

    /// <summary>Why <paramref name="siteUrl"/> is not an absolute http(s) address of a site, or null when it is.</summary>
    public static string? SiteProblem(string siteUrl)
    {
        if (siteUrl.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return "holds a line break, a space or a control character; write an address such as https://user.github.io/repo/";
        }

        if (!IsHttpUrl(siteUrl) || !Uri.TryCreate(siteUrl, UriKind.Absolute, out var uri))
        {
            return "must be an absolute http(s) URL, such as https://user.github.io/repo/";
        }

        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return "must be a plain site address, without user name, query (?) or fragment (#)";
        }

        return null;
    }

    /// <summary>True for an absolute http: or https: URL with a host, and nothing that could hide another scheme.</summary>
    public static bool IsHttpUrl(string url) =>
        !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) &&
        Uri.TryCreate(url, UriKind.Absolute, out var uri) &&
        uri.Scheme is "http" or "https" && uri.Host.Length > 0 &&
        (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

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
