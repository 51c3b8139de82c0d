using System.Text;
using BriefGen.Cli;

// Standard error through a 64 KiB buffer where the console's encoding allows it: the console's own writer passes on 256
// characters at a time, one system call each, and `serve` prints every diagnostic again after each rebuild (at 5,000
// pages, 7,519 lines: thousands of calls on every save). Lines still go out as each write ends (AutoFlush).
if (!OperatingSystem.IsWindows())
{
    var encoding = Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(false) : Console.OutputEncoding;
    if (encoding.GetPreamble().Length == 0)
    {
        Console.SetError(new StreamWriter(Console.OpenStandardError(), encoding, 1 << 16) { AutoFlush = true });
    }
}

// Cli.Run reports build failures itself; this catches what escapes elsewhere (serve, new), in one line.
try
{
    return Cli.Run(args, Console.Out, Console.Error);
}
catch (Exception e) when (Environment.GetEnvironmentVariable("BRIEFGEN_DEBUG") is null)
{
    Console.Error.WriteLine(Cli.FailureLine(e, Directory.GetCurrentDirectory()));
    return Cli.ContentErrors;
}
