using System.Text.RegularExpressions;
using BriefGen.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace BriefGen.Load;

/// <summary>
/// Reads one YAML document twice: into the node tree (for exact positions of every field) and
/// through the source-generated deserializer (for typed values). Every failure becomes a
/// diagnostic at the line and column of the file, never an exception.
/// </summary>
internal sealed partial class YamlReader
{
    private readonly IDeserializer _deserializer = new StaticDeserializerBuilder(new ContentYamlContext())
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    /// <summary>Parses the node tree; null (with a diagnostic) when the YAML is malformed, or for an empty document.</summary>
    public static YamlNode? ParseTree(string text, NodeLocator at, DiagnosticBag diagnostics)
    {
        if (!YamlGuard.Check(text, at, diagnostics))
        {
            return null;
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count > 1)
            {
                diagnostics.Error(at.Of(stream.Documents[1].RootNode.Start), DiagnosticCodes.YamlSyntax,
                    "only one YAML document is allowed in this file");
                return null;
            }

            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var duplicate = e.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase);
            diagnostics.Error(at.Of(e.Start), duplicate ? DiagnosticCodes.DuplicateKey : DiagnosticCodes.YamlSyntax,
                duplicate ? $"duplicate key{QuotedKey(e.Message)}" : YamlHints.Describe(e, text, at));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            diagnostics.Error(at.Of(Mark.Empty), DiagnosticCodes.YamlSyntax, $"YAML does not parse: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// Deserializes <paramref name="text"/> as <typeparamref name="T"/>. <paramref name="describe"/> names the thing
    /// being read ("source", "figure"), and <paramref name="fields"/> maps every allowed field to what it holds.
    /// </summary>
    /// <remarks><paramref name="nested"/> are mappings inside the values, such as brief.yml's authors, checked by their own fields.</remarks>
    public T? Read<T>(string text, YamlNode tree, NodeLocator at, string describe,
        IReadOnlyDictionary<string, string> fields, DiagnosticBag diagnostics,
        IEnumerable<(YamlMappingNode Map, string Describe, IReadOnlyDictionary<string, string> Fields)>? nested = null)
        where T : class
    {
        // Unknown fields are reported from the tree, all of them; the deserializer then reads the rest, so an
        // entry with a misspelt field still exists and nothing that names it fails as well.
        var checkedMaps = new Dictionary<long, IReadOnlyDictionary<string, string>>();
        var unknown = false;
        foreach (var (map, what, allowed) in Mappings(tree).Select(m => (m, describe, fields)).Concat(nested ?? []))
        {
            checkedMaps.TryAdd(map.Start.Index, allowed);
            foreach (var (key, _) in map.Children)
            {
                if (key is YamlScalarNode { Value: { } name } && !allowed.ContainsKey(name))
                {
                    unknown = true;
                    diagnostics.Error(at.Of(key.Start), DiagnosticCodes.UnknownField,
                        $"unknown field '{name}' in {what}{FieldNames.DidYouMean(name, allowed.Keys)}; expected one of: {string.Join(", ", allowed.Keys)}");
                }
            }
        }

        try
        {
            return unknown
                ? _deserializer.Deserialize<T>(new KnownFieldsParser(new Parser(new StringReader(text)), checkedMaps))
                : _deserializer.Deserialize<T>(text);
        }
        catch (YamlException e)
        {
            var field = FieldAt(tree, e.Start);
            var message = field is not null && fields.TryGetValue(field, out var expected)
                ? $"field '{field}' of {describe} has the wrong type: expected {expected}"
                : $"{describe} has the wrong shape: {Clean(e)}";
            diagnostics.Error(at.Of(e.Start), DiagnosticCodes.WrongType, message);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            diagnostics.Error(at.Of(tree), DiagnosticCodes.WrongType, $"{describe} has the wrong shape: {e.Message}");
            return null;
        }
    }

    /// <summary>The mappings a document's values live in: the root mapping, or each mapping of a root sequence.</summary>
    private static IEnumerable<YamlMappingNode> Mappings(YamlNode tree) => tree switch
    {
        YamlMappingNode map => [map],
        YamlSequenceNode seq => seq.Children.OfType<YamlMappingNode>(),
        _ => [],
    };

    private static string? FieldAt(YamlNode tree, Mark mark)
    {
        foreach (var map in Mappings(tree))
        {
            foreach (var (key, value) in map.Children)
            {
                // The deserializer marks a wrong value at its key or at the value itself.
                if (key.Start.Index <= mark.Index && mark.Index <= Math.Max(value.End.Index, value.Start.Index))
                {
                    return (key as YamlScalarNode)?.Value;
                }
            }
        }

        return null;
    }

    private static string QuotedKey(string message)
    {
        var m = KeyPattern().Match(message);
        return m.Success ? $" '{m.Groups[1].Value}'" : "";
    }

    /// <summary>YamlDotNet prefixes messages with the marks; the diagnostic already carries the place.</summary>
    internal static string Clean(YamlException e)
    {
        var text = MarkPrefix().Replace(e.Message, "");
        if (e.InnerException is { } inner && !string.IsNullOrWhiteSpace(inner.Message) && inner is not YamlException)
        {
            text = inner.Message;
        }

        text = text.Trim().TrimEnd('.');
        return text.Length == 0 ? "malformed YAML" : char.ToLowerInvariant(text[0]) + text[1..];
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarkPrefix();

    [GeneratedRegex("key ['\"]?([^'\"]+?)['\"]?(?: |$|\\.)", RegexOptions.IgnoreCase)]
    private static partial Regex KeyPattern();
}

/// <summary>Turns YAML marks into file locations, adding the offset of front matter inside a Markdown file.</summary>
internal readonly record struct NodeLocator(string Path, int LineOffset)
{
    public Location Of(Mark mark) => new(Path, (int)mark.Line + LineOffset, (int)mark.Column);

    public Location Of(YamlNode node) => Of(node.Start);

    /// <summary>Where the value of <paramref name="key"/> starts in <paramref name="map"/>, else where the mapping starts.</summary>
    public Location ValueOf(YamlMappingNode map, string key)
    {
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && name == key)
            {
                return Of(v);
            }
        }

        return Of(map);
    }

    /// <summary>
    /// Where Markdown held in a field starts: a plain or quoted scalar on the key's line keeps its column
    /// (past the opening quote); a block scalar (| or >) starts on the next line.
    /// </summary>
    public Location TextOf(YamlMappingNode map, string key)
    {
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && name == key && v is YamlScalarNode scalar)
            {
                var start = Of(v);
                return scalar.Style switch
                {
                    ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted => start with { Column = start.Column + 1 },
                    ScalarStyle.Literal or ScalarStyle.Folded => new Location(Path, start.Line + 1, Of(k).Column + 2),
                    _ => start,
                };
            }
        }

        return Of(map);
    }
}
