using System.Runtime.InteropServices;

namespace BriefGen.Load;

/// <summary>What a path names on disk, as far as the platform lets us tell without opening it.</summary>
internal enum FileKind
{
    /// <summary>A plain file with one name.</summary>
    Regular,

    /// <summary>A FIFO, a device or a socket: opening it could block forever or never end.</summary>
    Special,

    /// <summary>A regular file that also has other names (a hard link), which may lie outside the root.</summary>
    HardLinked,

    /// <summary>The platform cannot tell (not Linux); a file of length zero is then never opened.</summary>
    Unknown,
}

/// <summary>
/// Tells regular files from FIFOs and devices before anything opens them: opening a FIFO blocks until
/// someone writes to it, so a FIFO in content would hang the build. .NET does not expose the file type,
/// so on Linux this asks the kernel (statx, whose layout is the same on every architecture).
/// </summary>
internal static class FileKinds
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const uint StatxNlink = 0x4;
    private const int ModeOffset = 28;
    private const int NlinkOffset = 16;

    public static FileKind Of(string fullPath)
    {
        if (!OperatingSystem.IsLinux())
        {
            return FileKind.Unknown;
        }

        var buffer = new byte[256];
        try
        {
            if (Statx(AtFdCwd, fullPath, AtSymlinkNoFollow, StatxType | StatxNlink, buffer) != 0)
            {
                return FileKind.Unknown;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return FileKind.Unknown;
        }

        var mode = BitConverter.ToUInt16(buffer, ModeOffset);
        var links = BitConverter.ToUInt32(buffer, NlinkOffset);
        return (mode & 0xF000) switch
        {
            0x8000 when links > 1 => FileKind.HardLinked,
            0x8000 => FileKind.Regular,
            0x4000 or 0xA000 => FileKind.Unknown,
            _ => FileKind.Special,
        };
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = false)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
