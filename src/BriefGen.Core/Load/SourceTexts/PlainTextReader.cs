using System.Buffers;
using System.Text;
using BriefGen.Diagnostics;
using BriefGen.Model;

namespace BriefGen.Load.SourceTexts;

/// <summary>
/// <c>.txt</c> and <c>.md</c>: UTF-8 text whose paragraphs are the blocks separated by blank lines. A file
/// that is not valid UTF-8, or holds control characters (a binary file renamed), is refused.
/// </summary>
public sealed class PlainTextReader : ISourceTextReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public IReadOnlyList<string> Extensions { get; } = [".txt", ".md"];

    public string CacheKey => "text-1";

    public bool IsCached => false;

    public SourceTextRead Read(byte[] bytes, string path)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 ? $" (an invalid byte near offset {e.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)})" : "";
            return SourceTextRead.Fail(DiagnosticCodes.SourceNotText, $"is not UTF-8 text{at}; save it as UTF-8, or give a .pdf or .html copy");
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var control = text.AsSpan().IndexOfAny(ControlCharacters);
        if (control >= 0)
        {
            var code = ((int)text[control]).ToString("X2", System.Globalization.CultureInfo.InvariantCulture);
            return SourceTextRead.Fail(DiagnosticCodes.SourceNotText,
                $"is binary, not text (control character U+00{code} at character {control.ToString(System.Globalization.CultureInfo.InvariantCulture)}); give the text as UTF-8, or the file with its own extension (.pdf, .html)");
        }

        return SourceTextRead.Ok(Parse(text, path));
    }

    /// <summary>
    /// Splits text into paragraphs: blocks separated by blank lines (empty or only white space), lines kept, joined by
    /// line feeds, each with its trailing white space (a carriage return among it) trimmed. One pass over the text.
    /// </summary>
    public static SourceText Parse(string text, string path)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        var rest = text.AsSpan();
        while (true)
        {
            var end = rest.IndexOf('\n');
            var line = (end < 0 ? rest : rest[..end]).TrimEnd();
            if (line.IsEmpty)
            {
                Flush();
            }
            else
            {
                if (current.Length > 0)
                {
                    current.Append('\n');
                }

                current.Append(line);
            }

            if (end < 0)
            {
                break;
            }

            rest = rest[(end + 1)..];
        }

        Flush();
        return new SourceText(path, paragraphs);

        void Flush()
        {
            if (current.Length > 0)
            {
                paragraphs.Add(current.ToString());
                current.Clear();
            }
        }
    }

    // C0 controls other than tab, line feed, form feed and carriage return; DEL; C1 controls.
    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
    [
        .. Enumerable.Range(0, 32).Where(c => c is not ('\t' or '\n' or '\f' or '\r')).Select(c => (char)c),
        '\u007F',
        .. Enumerable.Range(0x80, 32).Select(c => (char)c),
    ]);
}
