using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace BriefGen;

/// <summary>
/// A SHA-256 digest of a sequence of strings, numbers and marks, each number written whole and each string after its
/// length, so that no two sequences run together: what a preview cache compares to tell that a pass's context is
/// unchanged, without building the context as one long string. The bytes gather in a pooled buffer and are hashed
/// once.
/// </summary>
internal sealed class ContextDigest : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
    private int _length;

    public void Add(string text)
    {
        Add(text.Length);
        Append(MemoryMarshal.AsBytes(text.AsSpan()));
    }

    public void Add(int number)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, number);
        Append(bytes);
    }

    /// <summary>Ends one part of the sequence and starts the next (a mark no length can be taken for: it is negative).</summary>
    public void Mark(char part) => Add(-1 - part);

    public string Finish() => Convert.ToHexString(SHA256.HashData(_buffer.AsSpan(0, _length)));

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + bytes.Length));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }
}
