namespace BriefGen.Verify.Text;

/// <summary>
/// The names a source may use for a quote box's speaker (SPEC §3): the entity's name, each alias, and
/// for a person the surname.
/// </summary>
public static class SpeakerNames
{
    /// <summary>Each name as its words (lowercase), longest first, without repeats.</summary>
    public static List<string[]> Of(string name, IEnumerable<string> aliases, bool person)
    {
        var names = new List<string> { name };
        names.AddRange(aliases);
        if (person)
        {
            var words = Words.Of(name);
            // "Mark Morgan" → "Morgan"; "Martin Luther King Jr." → "King".
            var surname = words.Select(w => w.Text).LastOrDefault(w => w is not ("jr" or "sr" or "ii" or "iii" or "iv"));
            if (surname is not null)
            {
                names.Add(surname);
            }
        }

        return names
            .Select(n => Words.Of(n).Select(w => w.Text).ToArray())
            .Where(w => w.Length > 0)
            .DistinctBy(w => string.Join(' ', w), StringComparer.Ordinal)
            .OrderByDescending(w => w.Length)
            .ToList();
    }
}
