namespace BriefGen;

/// <summary>
/// Work run side by side whose failure comes out as itself, not wrapped in an <see cref="AggregateException"/>: a
/// file system's refusal stays an <see cref="IOException"/>, so the one line the CLI prints for it names it.
/// </summary>
internal static class Concurrently
{
    public static void Invoke(params Action[] actions) => Unwrapped(() => Parallel.Invoke(actions));

    public static void ForEach<T>(IEnumerable<T> items, Action<T> body) => Unwrapped(() => Parallel.ForEach(items, body));

    private static void Unwrapped(Action run)
    {
        try
        {
            run();
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }
}
