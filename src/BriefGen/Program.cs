using BriefGen.Cli;

try
{
    return Cli.Run(args, Console.Out, Console.Error);
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    // The file system refused (permissions, a full disk): the content is not at fault, and the
    // previous output was left in place by the writer.
    Console.Error.WriteLine($"briefgen: {e.Message}");
    return Cli.ContentErrors;
}
catch (Exception e) when (Environment.GetEnvironmentVariable("BRIEFGEN_DEBUG") is null)
{
    Console.Error.WriteLine($"briefgen: internal error ({e.GetType().Name}): {e.Message}");
    Console.Error.WriteLine("This is a bug in BriefGen, not in the brief. Set BRIEFGEN_DEBUG=1 to see where it happened.");
    return Cli.ContentErrors;
}
