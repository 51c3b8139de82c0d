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

    /// <summary>The characters <see cref="Escape(string)"/> replaces.</summary>
    private static readonly System.Buffers.SearchValues<char> Escaped = System.Buffers.SearchValues.Create("&<>\"'");

    /// <summary>Escapes text for an HTML element or a quoted attribute. Leaves non-ASCII as is (pages are UTF-8).</summary>
    public static string Escape(string text)
    {
        if (!text.AsSpan().ContainsAny(Escaped))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        Escape(text, (s, start, count) => sb.Append(s, start, count));
        return sb.ToString();
    }

    /// <summary>
    /// Hands <paramref name="write"/> the escaped text in pieces (text, start, count): the runs between the characters
    /// <see cref="Escape(string)"/> replaces, as they stand, and the entity of each, so a writer need not build the string.
    /// </summary>
    internal static void Escape(string text, Action<string, int, int> write)
    {
        var at = 0;
        while (text.AsSpan(at).IndexOfAny(Escaped) is var i and >= 0)
        {
            write(text, at, i);
            var entity = text[at + i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#39;",
            };
            write(entity, 0, entity.Length);
            at += i + 1;
        }

        write(text, at, text.Length - at);
    }
}
