namespace BriefGen.Benchmarks.Corpus;

/// <summary>Deterministic policy-sounding prose from small word lists (the shape of the shared benchmark corpus).</summary>
internal sealed class Prose(Random random)
{
    private static readonly string[] Adjectives =
        "affordable binding broad central civic coastal costly critical direct durable early economic effective federal fiscal flexible gradual local marginal modest municipal national open partial persistent pilot private public regional rising robust rural seasonal severe structural targeted temporary uneven universal urban viable volatile".Split(' ');

    private static readonly string[] Nouns =
        "access allocation assessment authority baseline benefit budget burden capacity capital compliance contract coverage credit data debt delivery demand design enforcement equity evidence funding governance grant growth household incentive income investment labour levy mandate market measure model network outcome oversight payment policy price procurement programme rate reform regulator revenue review risk scheme sector service spending standard subsidy supply system target tariff transfer wage welfare".Split(' ');

    private static readonly string[] Verbs =
        "affects alters anchors balances constrains delays drives enables erodes expands improves increases informs limits lowers narrows offsets reduces reflects reshapes shifts slows strengthens supports sustains tightens undermines widens".Split(' ');

    private static readonly string[] Prepositions = ["across", "among", "for", "in", "within", "beyond", "under", "over", "through"];

    public Random Random { get; } = random;

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    public string Adjective() => Pick(Adjectives);

    public string Noun() => Pick(Nouns);

    private string Phrase() => Random.Next(2) == 0 ? $"the {Adjective()} {Noun()}" : $"{Noun()} {Noun()}";

    private string Clause() => $"{Phrase()} {Pick(Verbs)} {Phrase()}" + (Random.Next(10) < 6 ? $" {Pick(Prepositions)} {Phrase()}" : "");

    public string Sentence()
    {
        var s = Clause() + (Random.Next(10) < 4 ? $", while {Clause()}" : "");
        return char.ToUpperInvariant(s[0]) + s[1..] + ".";
    }

    public string Title()
    {
        var t = Random.Next(3) switch
        {
            0 => $"{Adjective()} {Noun()} and the {Noun()} question",
            1 => $"what {Adjective()} {Noun()} means for {Noun()}",
            _ => $"the case for {Adjective()} {Noun()} {Noun()}",
        };
        return char.ToUpperInvariant(t[0]) + t[1..];
    }

    public string Heading()
    {
        var t = $"{Adjective()} {Noun()} and {Noun()}";
        return char.ToUpperInvariant(t[0]) + t[1..];
    }
}
