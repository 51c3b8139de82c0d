using System.Text;

namespace BriefGen.Render;

/// <summary>
/// Markup that is already safe HTML (rendered Markdown, an included partial). Templates write it as is;
/// every other value is escaped. Rendered Markdown may be deferred until a template writes it: then its
/// <see cref="Key"/> names everything the markup depends on, so a preview can tell whether it changed
/// without rendering it.
/// </summary>
public sealed class Html
{
    private readonly Lazy<string> _value;
    private readonly Func<string>? _key;

    public Html(string value)
    {
        _value = new Lazy<string>(value);
    }

    private Html(Func<string> render, Func<string> key)
    {
        _value = new Lazy<string>(render, LazyThreadSafetyMode.ExecutionAndPublication);
        _key = key;
    }

    /// <summary>Markup rendered when first written; <paramref name="key"/> describes its inputs.</summary>
    public static Html Deferred(Func<string> render, Func<string> key) => new(render, key);

    public string Value => _value.Value;

    /// <summary>What the markup depends on: its inputs when deferred, else the markup itself.</summary>
    public string Key => _key is null ? Value : _key();

    public override string ToString() => Value;

    /// <summary>The characters <see cref="Escape"/> replaces.</summary>
    internal static readonly System.Buffers.SearchValues<char> Escaped = System.Buffers.SearchValues.Create("&<>\"'");

    /// <summary>What <see cref="Escape"/> writes for one of <see cref="Escaped"/>.</summary>
    internal static string EntityOf(char c) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        _ => "&#39;",
    };

    /// <summary>Escapes text for an HTML element or a quoted attribute. Leaves non-ASCII as is (pages are UTF-8).</summary>
    public static string Escape(string text)
    {
        var i = text.AsSpan().IndexOfAny(Escaped);
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
