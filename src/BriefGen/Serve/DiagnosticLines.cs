using System.Text;
using BriefGen.Diagnostics;

namespace BriefGen.Cli.Serve;

/// <summary>
/// The preview's diagnostics as the terminal shows them after each rebuild: every one again, one line each, written in
/// one piece. A file that did not change reports the very diagnostic objects its last check found, so each line is
/// formatted once while its diagnostic stays, and the text is built in one buffer kept from rebuild to rebuild. At
/// 5,000 pages with 7,519 warnings, formatting every line anew into a new builder and a new string was a third of the
/// server's CPU per save, spent while the browser fetched the changed page.
/// </summary>
public sealed class DiagnosticLines
{
    private Dictionary<Diagnostic, string> _lines = new(ReferenceEqualityComparer.Instance);
    private Dictionary<Diagnostic, string> _next = new(ReferenceEqualityComparer.Instance);
    private readonly StringBuilder _text = new();

    /// <summary>Writes <paramref name="diagnostics"/>, each on its own line, to <paramref name="writer"/>.</summary>
    public void Write(IReadOnlyList<Diagnostic> diagnostics, TextWriter writer)
    {
        if (diagnostics.Count == 0)
        {
            return;
        }

        foreach (var d in diagnostics)
        {
            if (!_lines.TryGetValue(d, out var line))
            {
                line = d.ToString();
            }

            _next[d] = line;
            _text.Append(line).Append(writer.NewLine);
        }

        // Only the lines of this rebuild are kept: a diagnostic that is gone is forgotten.
        (_lines, _next) = (_next, _lines);
        _next.Clear();
        foreach (var chunk in _text.GetChunks())
        {
            writer.Write(chunk.Span);
        }

        _text.Clear();
    }
}
