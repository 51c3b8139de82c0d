using System.Text;

namespace BriefGen.Render;

/// <summary>
/// Markup that is already safe HTML (rendered Markdown, an included partial). Templates write it as is;
/// every other value is escaped.
/// </summary>
public sealed class Html(string value)
{
    public string Value { get; } = value;

    public override string ToString() => Value;

    /// <summary>Escapes text for an HTML element or a quoted attribute. Leaves non-ASCII as is (pages are UTF-8).</summary>
    public static string Escape(string text)
    {
        var i = text.AsSpan().IndexOfAny("&<>\"'");
        if (i < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&#39;"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }
}
