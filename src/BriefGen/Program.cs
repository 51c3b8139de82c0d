using BriefGen.Cli;

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
