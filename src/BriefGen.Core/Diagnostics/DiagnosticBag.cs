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
        lock (_gate)
        {
            _items.AddRange(reported);
        }
    }

    public void Error(Location at, string code, string message) => Add(new Diagnostic(at, Severity.Error, code, message));

    public void Warning(Location at, string code, string message) => Add(new Diagnostic(at, Severity.Warning, code, message));

    public bool HasErrors
    {
        get
        {
            lock (_gate)
            {
                return _items.Exists(d => d.Severity == Severity.Error);
            }
        }
    }

    public IReadOnlyList<Diagnostic> Sorted()
    {
        lock (_gate)
        {
            return _items
                .Distinct()
                .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
                .ThenBy(d => d.Location.Line)
                .ThenBy(d => d.Location.Column)
                .ThenBy(d => d.Code, StringComparer.Ordinal)
                .ThenBy(d => d.Message, StringComparer.Ordinal)
                .ToList();
        }
    }
}
