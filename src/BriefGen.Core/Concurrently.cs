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
    /// A list for PLINQ that hands its items to the threads one at a time. PLINQ splits a list into one fixed range per
    /// core, so the core whose range holds the costly items (the source pages with their paragraph maps, the texts with
    /// many quotations) went on alone while the others idled; with <c>AsOrdered</c> the results keep the list's order.
    /// </summary>
    public static ParallelQuery<T> Balanced<T>(this IReadOnlyList<T> items) =>
        System.Collections.Concurrent.Partitioner.Create(items as IList<T> ?? [.. items], loadBalance: true).AsParallel();

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
