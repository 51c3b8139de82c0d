using BriefGen.Diagnostics;
using BriefGen.Model;

namespace BriefGen.Resolve;

/// <summary>Warns of a source nothing cites, and an entity or figure nothing links.</summary>
public static class UsageChecks
{
    public static void Run(BriefContent content, Mentions mentions, DiagnosticBag diagnostics)
    {
        foreach (var source in content.Sources.Where(s => !mentions.IsCited(s.Id)))
        {
            diagnostics.Warning(source.At, DiagnosticCodes.Unused, $"source '{source.Id}' is not cited anywhere");
        }

        foreach (var entity in content.Entities.Where(e => !mentions.IsLinked(e.Id)))
        {
            diagnostics.Warning(entity.At, DiagnosticCodes.Unused, $"entity '{entity.Id}' is not linked from anywhere; link it with [[{entity.Id}]]");
        }

        foreach (var figure in content.Figures.Where(f => !mentions.IsLinked(f.Id)))
        {
            diagnostics.Warning(figure.At, DiagnosticCodes.Unused, $"figure '{figure.Id}' is not linked from anywhere; link it with [[{figure.Id}]]");
        }
    }
}
