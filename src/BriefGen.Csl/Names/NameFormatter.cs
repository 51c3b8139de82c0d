using System.Text;
using System.Text.RegularExpressions;
using BriefGen.Csl.Output;
using BriefGen.Csl.Rendering;

namespace BriefGen.Csl.Names;

/// <summary>Formats one personal or literal name: order, particles, suffix, initials, name-part formatting.</summary>
internal static partial class NameFormatter
{
    [GeneratedRegex(@"[\p{L}\p{M}\p{N}’']+|-")]
    private static partial Regex TokenRx();

    /// <summary>Renderings for given-name disambiguation: the styled form, then with initials, then with full given names.</summary>
    public static int MaxLevel(NameOptions o) => 2;

    public static ONode Render(CslName n, NameOptions o, bool inverted, int level, Context c)
    {
        n = Typographic(n);
        if (n.IsLiteral) return Part(o.Element?.Family, Markup.Parse(n.LiteralText), c);
        var form = o.Form;
        var initialize = o.InitializeWith is not null && o.Initialize;
        if (form == "short" && level >= 1)
        {
            form = "long";
            initialize = o.InitializeWith is not null && level == 1;
        }
        else if (form != "short" && level >= 2) initialize = false;
        var family = n.Family ?? "";
        var ndp = n.NonDroppingParticle;
        if (form == "short" || n.Given is null && n.DroppingParticle is null && n.Suffix is null)
        {
            if (form == "short" || n.Given is null)
            {
                var shortText = Particle(ndp, family);
                return Part(o.Element?.Family, ONode.Leaf(shortText), c);
            }
        }
        var given = n.Given ?? "";
        if (o.InitializeWith is { } iw)
            given = Initials(given, iw, initialize, c.Style.Attr("initialize-with-hyphen") != "false");
        var dp = n.DroppingParticle;
        if (!IsRomanesque(family + given))
        {
            var fam = Part(o.Element?.Family, ONode.Leaf(family), c);
            var giv = Part(o.Element?.Given, ONode.Leaf(given), c);
            return ONode.Seq(inverted || !n.StaticOrdering ? [fam, giv] : [fam, giv]);
        }
        var demote = c.Style.Attr("demote-non-dropping-particle") ?? "display-and-sort";
        var kids = new List<ONode>();
        if (inverted || n.StaticOrdering)
        {
            var sep = n.StaticOrdering && !inverted ? " " : o.SortSeparator;
            if (demote == "display-and-sort")
            {
                kids.Add(Part(o.Element?.Family, ONode.Leaf(family), c));
                var rest = Join(given, dp, ndp);
                if (rest.Length > 0)
                {
                    kids.Add(ONode.Leaf(sep));
                    kids.Add(Part(o.Element?.Given, ONode.Leaf(rest), c));
                }
            }
            else
            {
                kids.Add(Part(o.Element?.Family, ONode.Leaf(Particle(ndp, family)), c));
                var rest = Join(given, dp);
                if (rest.Length > 0)
                {
                    kids.Add(ONode.Leaf(sep));
                    kids.Add(Part(o.Element?.Given, ONode.Leaf(rest), c));
                }
            }
            if (!string.IsNullOrEmpty(n.Suffix)) kids.Add(ONode.Leaf(o.SortSeparator + n.Suffix));
            return ONode.Seq(kids);
        }
        if (given.Length > 0 || !string.IsNullOrEmpty(dp))
        {
            var g = Part(o.Element?.Given, ONode.Leaf(given), c);
            if (given.Length > 0) kids.Add(g);
            var fam = Particle(Join(dp, ndp), family);
            if (given.Length > 0) kids.Add(ONode.Leaf(" "));
            kids.Add(Part(o.Element?.Family, ONode.Leaf(fam), c));
        }
        else kids.Add(Part(o.Element?.Family, ONode.Leaf(Particle(ndp, family)), c));
        if (!string.IsNullOrEmpty(n.Suffix)) kids.Add(ONode.Leaf((n.CommaSuffix ? ", " : " ") + n.Suffix));
        return ONode.Seq(kids);
    }

    private static CslName Typographic(CslName n)
    {
        static string? A(string? s) => s?.Replace('\'', '’');
        return n with
        {
            Family = A(n.Family), Given = A(n.Given), NonDroppingParticle = A(n.NonDroppingParticle),
            DroppingParticle = A(n.DroppingParticle), Literal = A(n.Literal), Suffix = A(n.Suffix),
        };
    }

    /// <summary>The sort key of a name: family (without a demoted particle), given names, particle, suffix.</summary>
    public static string SortText(CslName n, Context c)
    {
        if (n.IsLiteral) return n.LiteralText;
        var demote = c.Style.Attr("demote-non-dropping-particle") ?? "display-and-sort";
        var fam = demote == "never" ? Particle(n.NonDroppingParticle, n.Family ?? "") : n.Family ?? "";
        var rest = demote == "never" ? Join(n.DroppingParticle) : Join(n.DroppingParticle, n.NonDroppingParticle);
        return fam + "\u0001" + (n.Given ?? "") + "\u0001" + rest + "\u0001" + (n.Suffix ?? "");
    }

    private static ONode Part(Style.NamePartEl? part, ONode text, Context c) =>
        part is null ? text : Renderer.Decorate(text, part.Fmt, c) ?? text;

    private static string Particle(string? particle, string family)
    {
        if (string.IsNullOrEmpty(particle)) return family;
        if (particle.EndsWith('\'') || particle.EndsWith('’') || particle.EndsWith('-')) return particle + family;
        return particle + " " + family;
    }

    private static string Join(params string?[] parts) =>
        string.Join(' ', parts.Where(p => !string.IsNullOrEmpty(p)));

    public static bool IsRomanesque(string s)
    {
        foreach (var ch in s)
            if (ch >= 0x3000 && ch <= 0x9FFF || ch >= 0xAC00 && ch <= 0xD7AF) return false;
        return true;
    }

    public static string Initials(string given, string iw, bool initialize, bool hyphen)
    {
        var sb = new StringBuilder();
        foreach (Match m in TokenRx().Matches(given))
        {
            var w = m.Value;
            if (w == "-")
            {
                while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
                if (hyphen) sb.Append('-');
                continue;
            }
            var isInitial = w.Length == 1 || (w.Length <= 2 && char.IsUpper(w[0]) && given.Length > m.Index + w.Length && given[m.Index + w.Length] == '.' && w.All(char.IsUpper));
            if (initialize && char.IsLower(w[0]) && w.Length > 1)
            {
                sb.Append(w).Append(' ');
                continue;
            }
            if (initialize || isInitial)
            {
                if (isInitial && w.Length == 2) sb.Append(w[0]).Append(iw).Append(w[1]).Append(iw);
                else sb.Append(char.ToUpperInvariant(w[0])).Append(iw);
            }
            else sb.Append(w).Append(' ');
        }
        return sb.ToString().TrimEnd();
    }
}
