namespace BriefGen.Csl;

/// <summary>Splits particles and suffixes written inside the family or given name (as citeproc processors do).</summary>
internal static class NameParser
{
    /// <summary>
    /// <c>{family: "van Gogh"}</c> → non-dropping particle <c>van</c>; <c>{given: "Jean de"}</c> → dropping
    /// particle <c>de</c>; <c>{given: "Martin Luther, Jr."}</c> → suffix. Explicit parts are kept as given.
    /// </summary>
    public static CslName SplitParticles(CslName n)
    {
        if (n.Literal is not null || n.Family is null) return n;
        var r = n;
        if (r.NonDroppingParticle is null)
        {
            var words = r.Family!.Split(' ');
            var k = 0;
            while (k < words.Length - 1 && IsParticle(words[k])) k++;
            if (k > 0)
                r = r with { NonDroppingParticle = string.Join(' ', words[..k]), Family = string.Join(' ', words[k..]) };
            else if (words.Length == 1 && ApostropheParticle(words[0]) is { } cut && cut < words[0].Length)
                r = r with { NonDroppingParticle = words[0][..cut], Family = words[0][cut..] };
        }
        if (r.Given is { } given)
        {
            if (r.Suffix is null)
            {
                var comma = given.IndexOf(',', StringComparison.Ordinal);
                if (comma > 0)
                {
                    var suffix = given[(comma + 1)..].Trim();
                    var bang = suffix.StartsWith('!');
                    r = r with { Given = given[..comma].Trim(), Suffix = bang ? suffix[1..].Trim() : suffix, CommaSuffix = r.CommaSuffix || bang };
                    given = r.Given!;
                }
            }
            if (r.DroppingParticle is null)
            {
                var words = given.Split(' ');
                var k = words.Length;
                while (k > 1 && IsParticle(words[k - 1])) k--;
                if (k < words.Length)
                    r = r with { Given = string.Join(' ', words[..k]), DroppingParticle = string.Join(' ', words[k..]) };
            }
        }
        return r;
    }

    private static bool IsParticle(string w) =>
        w.Length > 0 && char.IsLower(w[0]) && !w.Contains('.', StringComparison.Ordinal);

    private static int? ApostropheParticle(string w)
    {
        // d'Artagnan, al-…: a lowercase prefix ending in an apostrophe.
        for (var i = 0; i < Math.Min(w.Length - 1, 4); i++)
        {
            if (!char.IsLower(w[i]) && w[i] != '\'' && w[i] != '’') return null;
            if ((w[i] == '\'' || w[i] == '’') && i > 0 && char.IsUpper(w[i + 1])) return i + 1;
        }
        return null;
    }
}
