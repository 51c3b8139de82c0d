namespace BriefGen;

/// <summary>
/// Work run side by side whose failure comes out as itself, not wrapped in an <see cref="AggregateException"/>: a
/// file system's refusal stays an <see cref="IOException"/>, so the one line the CLI prints for it names it.
/// </summary>
internal static class Concurrently
{
    public static void Invoke(params Action[] actions) => Unwrapped(() => Parallel.Invoke(actions));

    public static void ForEach<T>(IEnumerable<T> items, Action<T> body) => Unwrapped(() => Parallel.ForEach(items, body));

    /// <summary>
    /// <paramref name="body"/> of each index below <paramref name="count"/>, side by side, the results in index order. For
    /// passes whose items mostly cost little (a preview rebuild finds nearly all of them kept): an ordered PLINQ query
    /// spent more on merging its results than such items cost.
    /// </summary>
    public static T[] Map<T>(int count, Func<int, T> body)
    {
        var results = new T[count];
        if (count == 1)
        {
            results[0] = body(0);
        }
        else if (count > 1)
        {
            Unwrapped(() => Parallel.For(0, count, i => results[i] = body(i)));
        }

        return results;
    }

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
