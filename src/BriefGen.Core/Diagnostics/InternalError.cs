namespace BriefGen.Diagnostics;

/// <summary>How an unexpected failure inside BriefGen is worded: one line, with a note to report it.</summary>
public static class InternalError
{
    /// <summary>The note that follows every internal error.</summary>
    public const string ReportNote = "this is a bug in BriefGen, not in the brief; please report it (BRIEFGEN_DEBUG=1 shows where it happened)";

    /// <summary>"internal error (NullReferenceException: …); this is a bug …", for a diagnostic naming the file.</summary>
    public static string Describe(Exception e)
    {
        var inner = Innermost(e);
        return $"internal error ({inner.GetType().Name}: {DiagnosticText.OneLine(inner.Message, 200)}); {ReportNote}";
    }

    /// <summary>The exception that says what went wrong, out of the wrappers parallel code adds.</summary>
    public static Exception Innermost(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: > 0 } aggregate)
        {
            e = aggregate.InnerExceptions[0];
        }

        return e is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : e;
    }
}
