using System.Security.Cryptography;
using System.Text;

namespace BriefGen.Write;

/// <summary>
/// One build at a time writes into an output folder: two at once would delete each other's staging folder.
/// The lock is an exclusively opened file in the temporary folder, named from the output's full path, so it
/// is never left in the writer's repository and is released by the system if the build dies.
/// </summary>
internal sealed class OutputLock : IDisposable
{
    private readonly FileStream _stream;

    private OutputLock(FileStream stream)
    {
        _stream = stream;
    }

    /// <summary>The lock for <paramref name="outDir"/>, or null when another build held it for all of <paramref name="wait"/>.</summary>
    public static OutputLock? Acquire(string outDir, TimeSpan wait)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SiteWriter.RealPath(outDir))))[..32];
        var path = Path.Combine(Path.GetTempPath(), $"briefgen-{key}.lock");
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                return new OutputLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
