using System.Globalization;

namespace BriefGen.Csl.Rendering;

internal readonly record struct CitePosition(CslPosition Position, bool NearNote, int? FirstNote);

/// <summary>Positions of cites in document order (CSL 1.0.2 §position): first, subsequent, ibid, ibid-with-locator, near-note.</summary>
internal static class Positions
{
    public static List<(IReadOnlyList<CslCitationItem> Cites, CitePosition[] Pos)> Compute(
        IReadOnlyList<CslCitation> citations, Func<CslCitation, IReadOnlyList<CslCitationItem>> sort, string? nearNoteDistance, int count,
        CancellationToken stop = default)
    {
        var distance = int.TryParse(nearNoteDistance, NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) ? d : 5;
        var firstNote = new Dictionary<string, int>(StringComparer.Ordinal);
        var lastNote = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<(IReadOnlyList<CslCitationItem>, CitePosition[])>();
        IReadOnlyList<CslCitationItem>? previous = null;
        for (var k = 0; k < count; k++)
        {
            if ((k & 1023) == 0)
            {
                stop.ThrowIfCancellationRequested();
            }

            var note = citations[k].NoteNumber ?? k + 1;
            var cites = sort(citations[k]);
            var pos = new CitePosition[cites.Count];
            for (var j = 0; j < cites.Count; j++)
            {
                var ci = cites[j];
                if (!firstNote.TryGetValue(ci.Id, out var first))
                {
                    firstNote[ci.Id] = note;
                    pos[j] = new CitePosition(CslPosition.First, false, null);
                }
                else
                {
                    CslCitationItem? prev = j > 0 ? cites[j - 1]
                        : previous is { Count: > 0 } && previous.All(p => p.Id == ci.Id) ? previous[^1] : null;
                    var p = CslPosition.Subsequent;
                    if (prev is not null && prev.Id == ci.Id)
                    {
                        var a = prev.Locator ?? "";
                        var b = ci.Locator ?? "";
                        if (a.Length == 0 && b.Length == 0) p = CslPosition.Ibid;
                        else if (b.Length > 0 && (a != b || prev.Label != ci.Label)) p = CslPosition.IbidWithLocator;
                        else if (a == b && prev.Label == ci.Label) p = CslPosition.Ibid;
                    }
                    var near = lastNote.TryGetValue(ci.Id, out var last) && note - last <= distance;
                    pos[j] = new CitePosition(p, near, first);
                }
                lastNote[ci.Id] = note;
            }
            previous = cites;
            result.Add((cites, pos));
        }
        return result;
    }
}
