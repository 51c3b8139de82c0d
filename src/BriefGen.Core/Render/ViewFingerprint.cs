using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, site);
        Add(hash, view.SitePath);
        Add(hash, view.Template);
        Add(hash, view.Model);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>A hash of any template value: the site object, a model.</summary>
    public static string Of(object? value)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, value);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static void Add(IncrementalHash hash, object? value)
    {
        switch (value)
        {
            case null:
                Tag(hash, 'n');
                break;
            case string s:
                Tag(hash, 's');
                Text(hash, s);
                break;
            case Html html:
                Tag(hash, 'h');
                Text(hash, html.Key);
                break;
            case ScriptObject obj:
                Tag(hash, '{');
                foreach (var (name, member) in obj)
                {
                    Text(hash, name);
                    Add(hash, member);
                }

                Tag(hash, '}');
                break;
            case ScriptArray array:
                Tag(hash, '[');
                foreach (var item in array)
                {
                    Add(hash, item);
                }

                Tag(hash, ']');
                break;
            case IFormattable formattable:
                Tag(hash, 'f');
                Text(hash, formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                Tag(hash, 'o');
                Text(hash, value.ToString() ?? "");
                break;
        }
    }

    private static void Tag(IncrementalHash hash, char tag) => hash.AppendData([(byte)tag]);

    private static void Text(IncrementalHash hash, string text)
    {
        Span<byte> length = stackalloc byte[4];
        var bytes = Encoding.UTF8.GetBytes(text);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
