using System.Xml.Linq;

namespace BriefGen.Csl.Style;

/// <summary>Turns the CSL XML of a style into the element model.</summary>
internal static class StyleParser
{
    public static Fmt ParseFmt(XElement e)
    {
        string? A(string n) => (string?)e.Attribute(n);
        return new Fmt
        {
            FontStyle = A("font-style"), FontVariant = A("font-variant"), FontWeight = A("font-weight"),
            TextDecoration = A("text-decoration"), VerticalAlign = A("vertical-align"),
            Prefix = A("prefix"), Suffix = A("suffix"), Display = A("display"),
            Quotes = A("quotes") == "true", StripPeriods = A("strip-periods") == "true", TextCase = A("text-case"),
        };
    }

    public static IReadOnlyList<Element> Children(XElement parent) =>
        parent.Elements().Select(Parse).OfType<Element>().ToArray();

    public static Element? Parse(XElement e)
    {
        string? A(string n) => (string?)e.Attribute(n);
        var fmt = ParseFmt(e);
        switch (e.Name.LocalName)
        {
            case "text":
                return new TextEl
                {
                    Fmt = fmt, Variable = A("variable"), Form = A("form") ?? "long", Macro = A("macro"),
                    Term = A("term"), Plural = A("plural") == "true", Value = A("value"),
                };
            case "date":
                return new DateEl
                {
                    Fmt = fmt, Variable = A("variable") ?? "", Form = A("form"),
                    DateParts = A("date-parts") ?? "year-month-day", Delimiter = A("delimiter"),
                    Parts = e.Elements().Where(x => x.Name.LocalName == "date-part").Select(x => new DatePartEl
                    {
                        Fmt = ParseFmt(x), Name = (string?)x.Attribute("name") ?? "year",
                        Form = (string?)x.Attribute("form"), RangeDelimiter = (string?)x.Attribute("range-delimiter"),
                    }).ToArray(),
                };
            case "number":
                return new NumberEl { Fmt = fmt, Variable = A("variable") ?? "", Form = A("form") ?? "numeric" };
            case "label":
                return ParseLabel(e);
            case "names":
                return ParseNames(e);
            case "group":
                return new GroupEl { Fmt = fmt, Delimiter = A("delimiter"), Children = Children(e) };
            case "choose":
                return ParseChoose(e);
            default:
                return null;
        }
    }

    private static LabelEl ParseLabel(XElement e) => new()
    {
        Fmt = ParseFmt(e), Variable = (string?)e.Attribute("variable"),
        Form = (string?)e.Attribute("form") ?? "long", Plural = (string?)e.Attribute("plural") ?? "contextual",
    };

    private static NamesEl ParseNames(XElement e)
    {
        NameEl? name = null;
        EtAlEl? etAl = null;
        LabelEl? label = null;
        bool labelBefore = false;
        IReadOnlyList<Element>? substitute = null;
        foreach (var c in e.Elements())
        {
            switch (c.Name.LocalName)
            {
                case "name":
                    name = ParseName(c);
                    break;
                case "et-al":
                    etAl = new EtAlEl { Fmt = ParseFmt(c), Term = (string?)c.Attribute("term") ?? "et-al" };
                    break;
                case "label":
                    label = ParseLabel(c);
                    labelBefore = name is null;
                    break;
                case "substitute":
                    substitute = Children(c);
                    break;
            }
        }
        return new NamesEl
        {
            Fmt = ParseFmt(e),
            Variables = ((string?)e.Attribute("variable") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
            Delimiter = (string?)e.Attribute("delimiter"), Name = name, EtAl = etAl, Label = label,
            LabelBeforeName = labelBefore, Substitute = substitute,
        };
    }

    private static NameEl ParseName(XElement c)
    {
        var attrs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in c.Attributes()) attrs[a.Name.LocalName] = a.Value;
        NamePartEl? family = null, given = null;
        foreach (var p in c.Elements().Where(x => x.Name.LocalName == "name-part"))
        {
            var part = new NamePartEl { Name = (string?)p.Attribute("name") ?? "", Fmt = ParseFmt(p) };
            if (part.Name == "family") family = part;
            else if (part.Name == "given") given = part;
        }
        return new NameEl { Fmt = ParseFmt(c), Attrs = attrs, Family = family, Given = given };
    }

    private static ChooseEl ParseChoose(XElement e)
    {
        var branches = new List<(Condition?, IReadOnlyList<Element>)>();
        foreach (var b in e.Elements())
        {
            var kind = b.Name.LocalName;
            if (kind == "else")
            {
                branches.Add((null, Children(b)));
                continue;
            }
            if (kind is not ("if" or "else-if")) continue;
            var tests = new List<(string, string)>();
            foreach (var a in b.Attributes())
            {
                var n = a.Name.LocalName;
                if (n == "match") continue;
                foreach (var v in a.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)) tests.Add((n, v));
            }
            branches.Add((new Condition((string?)b.Attribute("match") ?? "all", tests), Children(b)));
        }
        return new ChooseEl { Branches = branches };
    }

    public static Section? ParseSection(XElement? e)
    {
        if (e is null) return null;
        var attrs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in e.Attributes()) attrs[a.Name.LocalName] = a.Value;
        var layoutEl = e.Elements().FirstOrDefault(x => x.Name.LocalName == "layout");
        var layout = layoutEl is null ? new Layout() : new Layout
        {
            Fmt = ParseFmt(layoutEl), Delimiter = (string?)layoutEl.Attribute("delimiter"), Children = Children(layoutEl),
        };
        var sort = e.Elements().FirstOrDefault(x => x.Name.LocalName == "sort");
        var keys = sort is null ? [] : sort.Elements().Where(x => x.Name.LocalName == "key").Select(k => new SortKey(
            (string?)k.Attribute("variable"), (string?)k.Attribute("macro"), (string?)k.Attribute("sort") == "descending",
            Int((string?)k.Attribute("names-min")), Int((string?)k.Attribute("names-use-first")),
            (string?)k.Attribute("names-use-last") is { } l ? l == "true" : null)).ToArray();
        return new Section { Layout = layout, Sort = keys, Attrs = attrs };
    }

    private static int? Int(string? s) => int.TryParse(s, System.Globalization.NumberStyles.Integer,
        System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : null;
}
