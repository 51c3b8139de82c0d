using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace BriefGen;

/// <summary>
/// A SHA-256 digest of a sequence of strings, numbers and marks, each number written whole and each string after its
/// length, so that no two sequences run together: what the preview compares to tell that a pass's context or a
/// page's view is unchanged, without building either as one long string. The bytes gather in a pooled buffer and
/// reach the hash a buffer at a time, not a call per string.
/// </summary>
internal sealed class ContextDigest : IDisposable
{
    private const int BufferSize = 1 << 16;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
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

    public string Finish()
    {
        Flush();
        return Convert.ToHexString(_hash.GetHashAndReset());
    }

    public void Dispose()
    {
        _hash.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _buffer.Length)
        {
            Flush();
            if (bytes.Length > _buffer.Length)
            {
                _hash.AppendData(bytes);
                return;
            }
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Flush()
    {
        _hash.AppendData(_buffer.AsSpan(0, _length));
        _length = 0;
    }
}
