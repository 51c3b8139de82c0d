using System.Buffers.Binary;

namespace BriefGen.Load.Images;

/// <summary>An image format the site may publish, known by its extension and checked by its first bytes.</summary>
public sealed record ImageFormat(string Name, string[] Extensions)
{
    public static readonly ImageFormat Png = new("PNG", [".png"]);
    public static readonly ImageFormat Jpeg = new("JPEG", [".jpg", ".jpeg"]);
    public static readonly ImageFormat Gif = new("GIF", [".gif"]);
    public static readonly ImageFormat WebP = new("WebP", [".webp"]);
    public static readonly ImageFormat Avif = new("AVIF", [".avif"]);

    /// <summary>Every format, in the order docs list them.</summary>
    public static IReadOnlyList<ImageFormat> All { get; } = [Png, Jpeg, Gif, WebP, Avif];

    /// <summary>The format a file name's extension names; null for anything else (SVG included).</summary>
    public static ImageFormat? ByExtension(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        return All.FirstOrDefault(f => f.Extensions.Contains(ext, StringComparer.Ordinal));
    }

    /// <summary>The format the bytes are in, from their signature; null when none of ours.</summary>
    public static ImageFormat? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        if (bytes.Length >= 12 && bytes[4..8].SequenceEqual("ftyp"u8) && (bytes[8..12].SequenceEqual("avif"u8) || bytes[8..12].SequenceEqual("avis"u8)))
        {
            return Avif;
        }

        return null;
    }

    /// <summary>Width and height in pixels when the header gives them cheaply (PNG, GIF, JPEG, WebP); null otherwise.</summary>
    public (int Width, int Height)? SizeOf(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return Name switch
            {
                "PNG" when bytes.Length >= 24 && bytes[12..16].SequenceEqual("IHDR"u8) =>
                    Checked(BinaryPrimitives.ReadInt32BigEndian(bytes[16..]), BinaryPrimitives.ReadInt32BigEndian(bytes[20..])),
                "GIF" when bytes.Length >= 10 =>
                    Checked(BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]), BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..])),
                "JPEG" => JpegSize(bytes),
                "WebP" => WebPSize(bytes),
                _ => null,
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return null; // A truncated header: publish the image without dimensions.
        }
    }

    private static (int, int)? Checked(int width, int height) => width is > 0 and <= 65535 && height is > 0 and <= 65535 ? (width, height) : null;

    // The first start-of-frame marker holds the size; segments before it are skipped by their lengths.
    private static (int, int)? JpegSize(ReadOnlySpan<byte> bytes)
    {
        var at = 2;
        while (at + 9 < bytes.Length)
        {
            if (bytes[at] != 0xFF)
            {
                return null;
            }

            var marker = bytes[at + 1];
            if (marker == 0xFF)
            {
                at++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return Checked(BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 5)..]));
            }

            if (length < 2)
            {
                return null;
            }

            at += 2 + length;
        }

        return null;
    }

    private static (int, int)? WebPSize(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 30)
        {
            return null;
        }

        var chunk = bytes[12..16];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            return Checked(BinaryPrimitives.ReadUInt16LittleEndian(bytes[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(bytes[28..]) & 0x3FFF);
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(bytes[21..]);
            return Checked((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8X"u8))
        {
            var width = 1 + (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16));
            var height = 1 + (bytes[27] | (bytes[28] << 8) | (bytes[29] << 16));
            return Checked(width, height);
        }

        return null;
    }
}
