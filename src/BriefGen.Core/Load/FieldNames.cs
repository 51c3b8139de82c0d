using BriefGen.Resolve;

namespace BriefGen.Load;

/// <summary>"Did you mean …?" for a misspelt field name, matching case, '_' and '-' loosely.</summary>
internal static class FieldNames
{
    /// <summary>The known fields a writer most likely meant by <paramref name="wrong"/>, best first.</summary>
    public static IReadOnlyList<string> Near(string wrong, IEnumerable<string> known)
    {
        var byLoose = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var k in known.Order(StringComparer.Ordinal))
        {
            byLoose.TryAdd(Loose(k), k);
        }

        return Suggestions.Near(Loose(wrong), byLoose.Keys).Select(k => byLoose[k]).ToList();
    }

    /// <summary>" (did you mean 'DOI'? field names are case-sensitive)", or "" when nothing is close.</summary>
    public static string DidYouMean(string wrong, IEnumerable<string> known)
    {
        var near = Near(wrong, known);
        if (near.Count == 0)
        {
            return "";
        }

        var names = string.Join(" or ", near.Select(n => $"'{n}'"));
        var caseOnly = near.Count == 1 && string.Equals(near[0], wrong, StringComparison.OrdinalIgnoreCase);
        return caseOnly ? $" (did you mean {names}? field names are case-sensitive)" : $" (did you mean {names}?)";
    }

    /// <summary>
    /// Whether <paramref name="map"/> has a key outside <paramref name="known"/> that looks like <paramref name="field"/>:
    /// then "needs a <paramref name="field"/>" would only repeat the unknown-field error already given for that key.
    /// </summary>
    public static bool Misspelt(YamlDotNet.RepresentationModel.YamlMappingNode map, string field, Func<string, bool> isKnown,
        IEnumerable<string> known)
    {
        var all = known.ToList();
        return map.Children.Keys.OfType<YamlDotNet.RepresentationModel.YamlScalarNode>()
            .Any(k => k.Value is { } name && !isKnown(name) && Near(name, all).Contains(field));
    }

    private static string Loose(string name) => name.ToLowerInvariant().Replace('_', '-');
}
