using System.Buffers;
using System.Text;
using Scriban.Runtime;

namespace BriefGen.Render;

/// <summary>
/// A template's output written straight as UTF-8 into a growing buffer, instead of into a string that is then encoded:
/// a page is never held as UTF-16 text whole. A character pair split across two writes is encoded whole, so the bytes
/// are those of <see cref="Encoding.UTF8"/> over the whole text.
/// </summary>
internal sealed class Utf8Output : IScriptOutput
{
    /// <summary>A buffer that grew past this is not kept for the next page (the print page repeats every page).</summary>
    private const int KeptCapacity = 1 << 20;

    [ThreadStatic]
    private static Utf8Output? _spare;

    private readonly ArrayBufferWriter<byte> _bytes = new(16 * 1024);

    // The high half of a character pair that ended the last write, waiting for its low half; '\0' when none.
    private char _high;

    /// <summary>This thread's buffer, or a new one when it is in use (a render inside a render).</summary>
    public static Utf8Output Rent()
    {
        var output = _spare ?? new Utf8Output();
        _spare = null;
        return output;
    }

    /// <summary>Empties the buffer and gives it back to this thread, unless it grew too large to keep.</summary>
    public void Return()
    {
        _bytes.ResetWrittenCount();
        _high = '\0';
        if (_bytes.Capacity <= KeptCapacity)
        {
            _spare = this;
        }
    }

    public void Write(string text, int offset, int count)
    {
        var chars = text.AsSpan(offset, count);
        if (chars.IsEmpty)
        {
            return;
        }

        if (_high != '\0')
        {
            // The pair's two halves, or the lone half alone (as U+FFFD, as the whole text's encoding would have it).
            var whole = char.IsLowSurrogate(chars[0]);
            Encode([_high, chars[0]], whole ? 2 : 1);
            _high = '\0';
            chars = whole ? chars[1..] : chars;
        }

        if (!chars.IsEmpty && char.IsHighSurrogate(chars[^1]))
        {
            _high = chars[^1];
            chars = chars[..^1];
        }

        // Short pieces in one pass, sized for the most they can take (three bytes a UTF-16 unit, four a pair); long
        // ones are counted first, so a page written whole does not reserve three times its size.
        var most = chars.Length <= 4096 ? chars.Length * 3 : Encoding.UTF8.GetByteCount(chars);
        var written = Encoding.UTF8.GetBytes(chars, _bytes.GetSpan(most));
        _bytes.Advance(written);
    }

    private void Encode(ReadOnlySpan<char> pair, int length) =>
        _bytes.Advance(Encoding.UTF8.GetBytes(pair[..length], _bytes.GetSpan(8)));

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    /// <summary>The bytes written so far, as a new array.</summary>
    public byte[] ToArray()
    {
        if (_high != '\0')
        {
            Encode([_high], 1);
            _high = '\0';
        }

        return _bytes.WrittenSpan.ToArray();
    }

    /// <summary>What <see cref="Scriban.Template.Render(Scriban.TemplateContext)"/> returns: nothing, the bytes are taken with <see cref="ToArray"/>.</summary>
    public override string ToString() => "";
}
