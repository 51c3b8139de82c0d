using System.Xml;
using System.Xml.Linq;
using BriefGen.Csl.Style;

namespace BriefGen.Csl;

/// <summary>
/// A CSL locale: terms, localized date formats and options. Terms missing from a locale fall
/// back to en-US, as CSL processors do. The processor merges the style's own <c>&lt;locale&gt;</c>
/// overrides on top (see <see cref="WithStyle"/>).
/// </summary>
public sealed class CslLocale
{
    /// <summary>The embedded locales.</summary>
    public static IReadOnlyList<string> BuiltInTags { get; } = ["de-DE", "en-GB", "en-US", "es-ES", "fr-FR"];

    internal sealed record Term(string? Single, string? Multiple, string? Gender, string? GenderForm, string? Match);

    private readonly Dictionary<(string Name, string Form), List<Term>> _terms;
    private readonly Dictionary<string, DateEl> _dates;

    private CslLocale(string tag, Dictionary<(string, string), List<Term>> terms, Dictionary<string, DateEl> dates,
        bool punctuationInQuote, bool limitDayOrdinals)
    {
        Tag = tag;
        _terms = terms;
        _dates = dates;
        PunctuationInQuote = punctuationInQuote;
        LimitDayOrdinalsToDay1 = limitDayOrdinals;
    }

    /// <summary>The locale's language tag, e.g. <c>en-US</c>.</summary>
    public string Tag { get; }

    /// <summary>Commas and periods go inside closing quotation marks (American usage).</summary>
    public bool PunctuationInQuote { get; }

    internal bool LimitDayOrdinalsToDay1 { get; }

    /// <summary>
    /// An embedded locale by tag (<c>en-US</c>, <c>de-DE</c> …; a bare language such as <c>de</c>
    /// picks its main region). Unknown tags fall back to en-US.
    /// </summary>
    public static CslLocale BuiltIn(string? tag)
    {
        var resolved = Resolve(tag);
        var us = ParseXml(Resources.Read("locales/locales-en-US.xml"), null);
        return resolved == "en-US" ? us : ParseXml(Resources.Read($"locales/locales-{resolved}.xml"), us);
    }

    /// <summary>The embedded tag that <see cref="BuiltIn"/> uses for a requested tag.</summary>
    public static string Resolve(string? tag)
    {
        if (string.IsNullOrEmpty(tag)) return "en-US";
        foreach (var t in BuiltInTags) if (string.Equals(t, tag, StringComparison.OrdinalIgnoreCase)) return t;
        var lang = tag.Split('-', '_')[0].ToLowerInvariant();
        return lang switch { "de" => "de-DE", "es" => "es-ES", "fr" => "fr-FR", _ => "en-US" };
    }

    /// <summary>Parses a locale file; terms it lacks fall back to en-US.</summary>
    public static CslLocale Parse(string xml)
    {
        var us = ParseXml(Resources.Read("locales/locales-en-US.xml"), null);
        return ParseXml(xml, us);
    }

    private static CslLocale ParseXml(string xml, CslLocale? fallback)
    {
        XDocument doc;
        try
        {
            doc = XDocument.Parse(xml);
        }
        catch (XmlException e)
        {
            throw new CslException($"not well-formed XML: {e.Message}", e.LineNumber, e.LinePosition);
        }
        var root = doc.Root!;
        var tag = (string?)root.Attribute(XNamespace.Xml + "lang") ?? "en-US";
        var terms = fallback is null ? new Dictionary<(string, string), List<Term>>()
            : fallback._terms.ToDictionary(k => k.Key, v => v.Value.ToList());
        var dates = fallback is null ? new Dictionary<string, DateEl>(StringComparer.Ordinal)
            : new Dictionary<string, DateEl>(fallback._dates, StringComparer.Ordinal);
        var piq = fallback?.PunctuationInQuote ?? false;
        var limit = fallback?.LimitDayOrdinalsToDay1 ?? false;
        Overlay(root, terms, dates, ref piq, ref limit);
        return new CslLocale(tag, terms, dates, piq, limit);
    }

    private static void Overlay(XElement root, Dictionary<(string, string), List<Term>> terms,
        Dictionary<string, DateEl> dates, ref bool piq, ref bool limit)
    {
        foreach (var e in root.Elements())
        {
            switch (e.Name.LocalName)
            {
                case "style-options":
                    if ((string?)e.Attribute("punctuation-in-quote") is { } p) piq = p == "true";
                    if ((string?)e.Attribute("limit-day-ordinals-to-day-1") is { } l) limit = l == "true";
                    break;
                case "date":
                    if (StyleParser.Parse(e) is DateEl d && d.Form is not null) dates[d.Form] = d;
                    break;
                case "terms":
                    var ts = e.Elements().Where(t => t.Name.LocalName == "term").ToArray();
                    if (ts.Any(t => ((string?)t.Attribute("name") ?? "").StartsWith("ordinal", StringComparison.Ordinal)))
                        foreach (var k in terms.Keys.Where(k => k.Item1.StartsWith("ordinal", StringComparison.Ordinal)).ToArray())
                            terms.Remove(k);
                    foreach (var t in ts) AddTerm(terms, t);
                    break;
            }
        }
    }

    private static void AddTerm(Dictionary<(string, string), List<Term>> terms, XElement t)
    {
        var name = (string?)t.Attribute("name") ?? "";
        var form = (string?)t.Attribute("form") ?? "long";
        var single = t.Elements().FirstOrDefault(x => x.Name.LocalName == "single");
        var multiple = t.Elements().FirstOrDefault(x => x.Name.LocalName == "multiple");
        var term = single is null && multiple is null
            ? new Term(t.Value, t.Value, (string?)t.Attribute("gender"), (string?)t.Attribute("gender-form"), (string?)t.Attribute("match"))
            : new Term(single?.Value ?? multiple?.Value, multiple?.Value ?? single?.Value, (string?)t.Attribute("gender"),
                (string?)t.Attribute("gender-form"), (string?)t.Attribute("match"));
        var key = (name, form);
        if (!terms.TryGetValue(key, out var list)) terms[key] = list = [];
        list.RemoveAll(x => x.GenderForm == term.GenderForm);
        list.Add(term);
    }

    /// <summary>This locale with a style's <c>&lt;locale&gt;</c> overrides applied (unqualified, then language, then exact tag).</summary>
    public CslLocale WithStyle(CslStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        var lang = Tag.Split('-')[0];
        var applicable = style.LocaleOverrides
            .Select(e => (e, lang: (string?)e.Attribute(XNamespace.Xml + "lang")))
            .Where(x => x.lang is null || x.lang == lang || x.lang == Tag)
            .OrderBy(x => x.lang is null ? 0 : x.lang == Tag ? 2 : 1).ToArray();
        if (applicable.Length == 0) return this;
        var terms = _terms.ToDictionary(k => k.Key, v => v.Value.ToList());
        var dates = new Dictionary<string, DateEl>(_dates, StringComparer.Ordinal);
        var piq = PunctuationInQuote;
        var limit = LimitDayOrdinalsToDay1;
        foreach (var (e, _) in applicable) Overlay(e, terms, dates, ref piq, ref limit);
        return new CslLocale(Tag, terms, dates, piq, limit);
    }

    internal DateEl? DateFormat(string form) => _dates.GetValueOrDefault(form);

    internal IReadOnlyList<Term>? Lookup(string name, string form) => _terms.GetValueOrDefault((name, form));

    /// <summary>A term's text with CSL's form fallbacks (symbol → short → long; verb-short → verb → long); null when undefined.</summary>
    public string? GetTerm(string name, string form = "long", bool plural = false, string? gender = null)
    {
        // Loops, not LINQ: a term is looked up for every cite of every note.
        var chain = FormChain(form);
        for (var k = 0; k < chain.Length; k++)
        {
            var list = Lookup(name, chain[k]);
            if (list is null || list.Count == 0) continue;
            var t = Find(list, gender) ?? Find(list, null) ?? list[0];
            return plural ? t.Multiple : t.Single;
        }
        return null;
    }

    private static Term? Find(IReadOnlyList<Term> list, string? genderForm)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i].GenderForm == genderForm) return list[i];
        return null;
    }

    private static readonly string[] SymbolChain = ["symbol", "short", "long"];
    private static readonly string[] VerbShortChain = ["verb-short", "verb", "long"];
    private static readonly string[] VerbChain = ["verb", "long"];
    private static readonly string[] ShortChain = ["short", "long"];
    private static readonly string[] LongChain = ["long"];

    internal string? Gender(string name) => Lookup(name, "long")?.FirstOrDefault()?.Gender;

    internal static string[] FormChain(string form) => form switch
    {
        "symbol" => SymbolChain,
        "verb-short" => VerbShortChain,
        "verb" => VerbChain,
        "short" => ShortChain,
        _ => LongChain,
    };
}
