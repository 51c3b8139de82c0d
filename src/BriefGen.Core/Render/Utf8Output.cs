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
    private readonly Encoder _encoder = Encoding.UTF8.GetEncoder();

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
        _encoder.Reset();
        if (_bytes.Capacity <= KeptCapacity)
        {
            _spare = this;
        }
    }

    public void Write(string text, int offset, int count)
    {
        var chars = text.AsSpan(offset, count);
        var written = _encoder.GetBytes(chars, _bytes.GetSpan(_encoder.GetByteCount(chars, flush: false)), flush: false);
        _bytes.Advance(written);
    }

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    /// <summary>The bytes written so far, as a new array.</summary>
    public byte[] ToArray()
    {
        var tail = _encoder.GetBytes(ReadOnlySpan<char>.Empty, _bytes.GetSpan(_encoder.GetByteCount(ReadOnlySpan<char>.Empty, flush: true)), flush: true);
        _bytes.Advance(tail);
        return _bytes.WrittenSpan.ToArray();
    }

    /// <summary>What <see cref="Scriban.Template.Render(Scriban.TemplateContext)"/> returns: nothing, the bytes are taken with <see cref="ToArray"/>.</summary>
    public override string ToString() => "";
}
