using BriefGen.Csl.Style;

namespace BriefGen.Csl.Output;

/// <summary>
/// The processor's internal output tree: a leaf with text, or children under optional font
/// formatting, quotes, a display block or a link.
/// </summary>
internal sealed class ONode
{
    public string? Text;
    public List<ONode>? Kids;
    public Fmt? Format;
    public bool Quoted;
    public string? Display;
    public string? Link;
    public bool NoCase;
    /// <summary>Set on the output of a cs:names element (for author substitution and suppression).</summary>
    public bool IsNames;
    /// <summary>Set on leaves rendered from a locale term.</summary>
    public bool FromTerm;

    public static ONode Leaf(string text) => new() { Text = text };

    public static ONode Seq(IEnumerable<ONode> kids) => new() { Kids = kids.ToList() };

    /// <summary>A node over <paramref name="kids"/>, which it takes as they are: for a list made for it and not used after.</summary>
    public static ONode Seq(List<ONode> kids) => new() { Kids = kids };

    public bool IsEmpty
    {
        get
        {
            if (Text is not null) return Text.Length == 0;
            if (Kids is null) return true;
            foreach (var k in Kids) if (!k.IsEmpty) return false;
            return true;
        }
    }

    // Lists, not recursive iterators: an iterator per node of every cite's tree was a large share of what a note cost.
    public List<ONode> Leaves()
    {
        var leaves = new List<ONode>();
        AddLeaves(leaves);
        return leaves;
    }

    private void AddLeaves(List<ONode> leaves)
    {
        if (Text is not null)
        {
            leaves.Add(this);
            return;
        }
        if (Kids is null) return;
        foreach (var k in Kids) k.AddLeaves(leaves);
    }

    public List<(ONode Leaf, bool NoCase)> LeavesWithCase(bool noCase = false)
    {
        var leaves = new List<(ONode, bool)>();
        AddLeavesWithCase(leaves, noCase);
        return leaves;
    }

    private void AddLeavesWithCase(List<(ONode, bool)> leaves, bool noCase)
    {
        noCase |= NoCase;
        if (Text is not null)
        {
            leaves.Add((this, noCase));
            return;
        }
        if (Kids is null) return;
        foreach (var k in Kids) k.AddLeavesWithCase(leaves, noCase);
    }

    /// <summary>The plain text (no quotes marks, no formatting), for comparisons and sorting.</summary>
    public string Plain()
    {
        if (Text is not null) return Text;
        if (Kids is null) return "";
        var sb = new System.Text.StringBuilder();
        if (Quoted) sb.Append('“');
        foreach (var k in Kids) sb.Append(k.Plain());
        if (Quoted) sb.Append('”');
        return sb.ToString();
    }

    /// <summary>A key that tells two outputs apart by text and formatting.</summary>
    public string Key()
    {
        if (Text is not null) return Text;
        var sb = new System.Text.StringBuilder();
        if (Format is { } f) sb.Append('{').Append(f.FontStyle).Append(f.FontWeight).Append(f.FontVariant).Append(f.VerticalAlign);
        if (Quoted) sb.Append('“');
        if (Kids is not null) foreach (var k in Kids) sb.Append(k.Key());
        if (Quoted) sb.Append('”');
        if (Format is not null) sb.Append('}');
        return sb.ToString();
    }

    public ONode? FirstLeaf() => Leaves().FirstOrDefault(l => l.Text!.Length > 0);

    public ONode? LastLeaf() => Leaves().LastOrDefault(l => l.Text!.Length > 0);

    public ONode? FindNames()
    {
        if (IsNames) return this;
        if (Kids is null) return null;
        foreach (var k in Kids)
            if (k.FindNames() is { } n) return n;
        return null;
    }
}
