namespace BriefGen.Diagnostics;

/// <summary>
/// The one sink every stage reports into. Thread-safe, so pages can render in parallel;
/// <see cref="Sorted"/> gives a deterministic order whatever order they were reported in.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _gate = new();

    public void Add(Diagnostic diagnostic)
    {
        // Messages and paths quote content: keep every diagnostic one bounded line.
        diagnostic = diagnostic with
        {
            Message = DiagnosticText.OneLine(diagnostic.Message),
            Location = diagnostic.Location with { Path = DiagnosticText.OneLine(diagnostic.Location.Path, DiagnosticText.MaxPath) },
        };
        lock (_gate)
        {
            _items.Add(diagnostic);
        }
    }

    /// <summary>Adds what another bag already took (and made one bounded line): it is not shortened a second time.</summary>
    public void AddReported(IReadOnlyList<Diagnostic> reported)
    {
        if (reported.Count == 0)
        {
            return; // Most texts report nothing: no lock taken for them.
        }

        lock (_gate)
        {
            _items.AddRange(reported);
        }
    }

    public void Error(Location at, string code, string message) => Add(new Diagnostic(at, Severity.Error, code, message));

    public void Warning(Location at, string code, string message) => Add(new Diagnostic(at, Severity.Warning, code, message));

    /// <summary>Whether nothing at all was reported.</summary>
    public bool IsEmpty
    {
        get
        {
            lock (_gate)
            {
                return _items.Count == 0;
            }
        }
    }

    private int _scanned; // How many of _items HasErrors has looked at: none of them was an error.

    /// <summary>Whether an error was reported. Each diagnostic is looked at once, however often this is asked.</summary>
    public bool HasErrors
    {
        get
        {
            lock (_gate)
            {
                for (; _scanned < _items.Count; _scanned++)
                {
                    if (_items[_scanned].Severity == Severity.Error)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }

    /// <summary>
    /// The diagnostics without repeats, by file, line, column, code and message; ties keep the order they were
    /// reported in. One sort of indices, and repeats dropped within each run of equal keys (which differ at most in
    /// severity), in place of hashing every diagnostic first: a brief with thousands of warnings sorts them on every
    /// preview rebuild.
    /// </summary>
    public IReadOnlyList<Diagnostic> Sorted()
    {
        Diagnostic[] items;
        lock (_gate)
        {
            items = [.. _items];
        }

        if (items.Length < 2)
        {
            return items;
        }

        var order = new int[items.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (x, y) =>
        {
            var byKey = CompareKeys(items[x], items[y]);
            return byKey != 0 ? byKey : x.CompareTo(y);
        });

        var sorted = new List<Diagnostic>(items.Length);
        var run = 0; // Where the run of diagnostics with the current one's keys starts in `sorted`.
        foreach (var i in order)
        {
            var d = items[i];
            if (sorted.Count > 0 && CompareKeys(sorted[^1], d) != 0)
            {
                run = sorted.Count;
            }

            var repeat = false;
            for (var k = run; k < sorted.Count && !repeat; k++)
            {
                repeat = sorted[k].Severity == d.Severity;
            }

            if (!repeat)
            {
                sorted.Add(d);
            }
        }

        return sorted;
    }

    /// <summary>
    /// <see cref="Sorted"/>, sorted when first read, once; for a bag that takes nothing more. The preview hands each
    /// rebuild's diagnostics on this way, so the reload is sent before the terminal's list is sorted (at 5,000 pages the
    /// 7,519 warnings of the shared corpus took 4–5 ms to sort).
    /// </summary>
    public IReadOnlyList<Diagnostic> SortedWhenRead() => new SortedOnRead(this);

    private sealed class SortedOnRead(DiagnosticBag bag) : IReadOnlyList<Diagnostic>
    {
        private IReadOnlyList<Diagnostic>? _sorted;

        private IReadOnlyList<Diagnostic> List => LazyInitializer.EnsureInitialized(ref _sorted, bag.Sorted);

        public Diagnostic this[int index] => List[index];

        public int Count => List.Count;

        public IEnumerator<Diagnostic> GetEnumerator() => List.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static int CompareKeys(Diagnostic a, Diagnostic b)
    {
        var c = string.CompareOrdinal(a.Location.Path, b.Location.Path);
        if (c == 0)
        {
            c = a.Location.Line.CompareTo(b.Location.Line);
        }

        if (c == 0)
        {
            c = a.Location.Column.CompareTo(b.Location.Column);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(a.Code, b.Code);
        }

        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }
}
