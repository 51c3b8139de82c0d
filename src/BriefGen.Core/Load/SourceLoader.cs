using BriefGen.Diagnostics;
using BriefGen.Load.SourceTexts;
using BriefGen.Model;
using YamlDotNet.RepresentationModel;

namespace BriefGen.Load;

/// <summary>
/// Reads sources.yml: CSL-YAML items, open-ended by design (any CSL 1.0.2 variable), so they are read
/// from the YAML node tree and checked field by field against the CSL schema.
/// </summary>
internal sealed partial class SourceLoader(RootPaths paths, DiagnosticBag diagnostics, SourceTextCache? cache = null, bool recordsInputs = false)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _hashes = new(StringComparer.Ordinal);
    private string? _yaml;

    /// <summary>
    /// What the last <see cref="Load"/> read, in one string: the text of sources.yml and the path and SHA-256 of every
    /// text file, in path order. A load is a function of what it read, so two loads with the same record that report
    /// nothing load the same sources. Kept only by a loader made to record its inputs (<c>recordsInputs</c>): a plain build
    /// never asks, and would hash every source text for nothing.
    /// </summary>
    public string Inputs => string.Join("\n", [_yaml is null ? "-" : _yaml.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + _yaml, .. _hashes.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => h.Key + "\0" + h.Value)]);

    public List<Source> Load(string fullPath)
    {
        var sources = new List<Source>();
        if (!File.Exists(fullPath))
        {
            return sources;
        }

        var rel = paths.Relative(fullPath);
        if (!paths.IsInside(fullPath))
        {
            diagnostics.Error(Location.File(rel), DiagnosticCodes.OutsideRoot, "sources.yml resolves outside the brief's folder");
            return sources;
        }

        var at = new NodeLocator(rel, 0);
        if (paths.ReadText(fullPath, Location.File(rel), InputLimits.ContentFileBytes, diagnostics) is not { } yaml)
        {
            return sources;
        }

        _yaml = yaml;
        var tree = YamlReader.ParseTree(yaml, at, diagnostics);
        if (tree is null)
        {
            return sources;
        }

        if (tree is not YamlSequenceNode seq)
        {
            diagnostics.Error(at.Of(tree), DiagnosticCodes.WrongType, "sources.yml must be a list of sources, each starting with '- id:'");
            return sources;
        }

        // Each source is read on its own, its text file (the costly part) with it: side by side, in the list's order.
        _ = Cache; // Made before the threads share it.
        Source? Read(YamlNode node)
        {
            if (node is not YamlMappingNode map)
            {
                diagnostics.Error(at.Of(node), DiagnosticCodes.WrongType, "each source is a mapping of CSL fields starting with 'id:'");
                return null;
            }

            return ToSource(map, at, fullPath);
        }

        sources.AddRange(seq.Children.AsParallel().AsOrdered().Select(Read).OfType<Source>());
        return sources;
    }

    private Source? ToSource(YamlMappingNode map, NodeLocator at, string fullPath)
    {
        var csl = new List<KeyValuePair<string, object>>();
        string? id = null, textPath = null;
        var publish = false;
        var ok = true;
        var textAt = at.Of(map);
        var own = new OwnFields();

        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var where = at.Of(value);
            if (CslSchema.OwnFields.Contains(key))
            {
                if (key == "text")
                {
                    textPath = Scalar(value, key, where, ref ok);
                    textAt = where;
                }
                else if (key != "publish_text")
                {
                    ok &= ReadOwnField(key, Scalar(value, key, where, ref ok), where, own);
                }
                else if (Scalar(value, key, where, ref ok) is { } flag)
                {
                    if (!bool.TryParse(flag, out publish))
                    {
                        diagnostics.Error(where, DiagnosticCodes.WrongType, "field 'publish_text' of source has the wrong type: expected true or false");
                        ok = false;
                    }
                }

                continue;
            }

            if (!CslSchema.IsVariable(key))
            {
                // Reported, and the rest of the source is still read: its citations must not fail as well.
                diagnostics.Error(at.Of(keyNode), DiagnosticCodes.UnknownField,
                    $"unknown field '{key}' in source{FieldNames.DidYouMean(key, CslSchema.AllFields)}; use a CSL 1.0.2 variable (such as title, author, container-title, issued, URL) or text / publish_text");
                continue;
            }

            if (ToValue(key, value, where) is { } v)
            {
                if (key == "id")
                {
                    id = v as string;
                }

                csl.Add(new(key, v));
            }
            else
            {
                ok = false;
            }
        }

        if (id is null)
        {
            if (!FieldNames.Misspelt(map, "id", IsField, CslSchema.AllFields))
            {
                diagnostics.Error(at.Of(map), DiagnosticCodes.MissingField, "source needs an id");
            }

            return null;
        }

        if (!Ids.IsValid(id))
        {
            diagnostics.Error(at.ValueOf(map, "id"), DiagnosticCodes.InvalidId, $"id '{id}' is not valid ({Ids.Rule})");
            return null;
        }

        if (!csl.Exists(kv => kv.Key == "type") && !FieldNames.Misspelt(map, "type", IsField, CslSchema.AllFields))
        {
            diagnostics.Error(at.Of(map), DiagnosticCodes.MissingField, $"source '{id}' needs a CSL type, such as article-newspaper or report");
            ok = false;
        }

        if (!csl.Exists(kv => kv.Key == "title") && !FieldNames.Misspelt(map, "title", IsField, CslSchema.AllFields))
        {
            diagnostics.Error(at.Of(map), DiagnosticCodes.MissingField, $"source '{id}' needs a title");
            ok = false;
        }

        SourceText? text = null;
        if (textPath is not null && paths.ResolveFrom(fullPath, textPath, textAt, diagnostics) is { } full)
        {
            text = ReadText(id, full, textPath, textAt, own);
        }

        // A source with a bad field is still registered (the error fails the build): otherwise every citation
        // of it would fail as well, burying the one mistake under "not in sources.yml".
        return new Source(id, csl, text, publish, at.Of(map)) { Sha256 = own.Sha256, ArchiveUrl = own.ArchiveUrl, ArchiveDate = own.ArchiveDate };
    }

    private static bool IsField(string key) => CslSchema.OwnFields.Contains(key) || CslSchema.IsVariable(key);

    private IReadOnlyList<Csl.CslName>? Names(string key, YamlNode value, Location where)
    {
        var ok = true;
        if (value is not YamlSequenceNode names || names.Children.Any(n => n is not YamlMappingNode))
        {
            diagnostics.Error(where, DiagnosticCodes.WrongType,
                $"field '{key}' of source has the wrong type: expected a list of names such as [{{ family: Doe, given: Jane }}] or [{{ literal: Agency }}]");
            return null;
        }

        var list = new List<Csl.CslName>();
        foreach (var name in names.Children.Cast<YamlMappingNode>())
        {
            var parts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (k, v) in name.Children)
            {
                var part = (k as YamlScalarNode)?.Value ?? "";
                var partAt = new NodeLocator(where.Path, 0).Of(k);
                if (!CslSchema.NameParts.Contains(part))
                {
                    diagnostics.Error(partAt, DiagnosticCodes.UnknownField,
                        $"unknown name part '{part}'{FieldNames.DidYouMean(part, CslSchema.NameParts)}; use family, given, literal, suffix, dropping-particle or non-dropping-particle");
                    ok = false;
                    continue;
                }

                if (Scalar(v, part, where, ref ok) is { } s)
                {
                    if (part is "comma-suffix" or "static-ordering" && !bool.TryParse(s, out _))
                    {
                        diagnostics.Error(partAt, DiagnosticCodes.WrongType, $"name part '{part}' has the wrong type: expected true or false");
                        ok = false;
                        continue;
                    }

                    parts[part] = s;
                }
            }

            if (parts.Count == 0)
            {
                diagnostics.Error(new NodeLocator(where.Path, 0).Of(name), DiagnosticCodes.MissingField,
                    $"a name in '{key}' needs a family name or a literal");
                ok = false;
                continue;
            }

            list.Add(new Csl.CslName
            {
                Family = parts.GetValueOrDefault("family"),
                Given = parts.GetValueOrDefault("given"),
                Literal = parts.GetValueOrDefault("literal"),
                Suffix = parts.GetValueOrDefault("suffix"),
                DroppingParticle = parts.GetValueOrDefault("dropping-particle"),
                NonDroppingParticle = parts.GetValueOrDefault("non-dropping-particle"),
                CommaSuffix = parts.TryGetValue("comma-suffix", out var cs) && bool.Parse(cs),
                StaticOrdering = parts.TryGetValue("static-ordering", out var so) && bool.Parse(so),
            });
        }

        return ok ? list : null;
    }

    private string? Scalar(YamlNode value, string key, Location where, ref bool ok)
    {
        if (value is YamlScalarNode { Value: { } s })
        {
            return s;
        }

        diagnostics.Error(where, DiagnosticCodes.WrongType, $"field '{key}' of source has the wrong type: expected a single value");
        ok = false;
        return null;
    }

    private object? ToValue(string key, YamlNode value, Location where)
    {
        var ok = true;
        if (CslSchema.NameVariables.Contains(key))
        {
            return Names(key, value, where);
        }

        if (CslSchema.DateVariables.Contains(key))
        {
            return new SourceDates(diagnostics).Read(key, value, where);
        }

        if (key == "categories")
        {
            if (value is not YamlSequenceNode list || list.Children.Any(c => c is not YamlScalarNode { Value.Length: > 0 }))
            {
                diagnostics.Error(where, DiagnosticCodes.WrongType, "field 'categories' of source has the wrong type: expected a list of words such as [immigration, courts]");
                return null;
            }

            return (IReadOnlyList<string>)list.Children.Select(c => ((YamlScalarNode)c).Value!).ToArray();
        }

        var text = Scalar(value, key, where, ref ok);
        if (text is null)
        {
            return null;
        }

        if (key == "type" && !CslSchema.Types.Contains(text))
        {
            diagnostics.Error(where, DiagnosticCodes.WrongType, $"'{text}' is not a CSL item type (such as article-newspaper, report, legal_case, webpage)");
            return null;
        }

        if (key == "URL" && (UrlPaths.IsUnsafe(text) || !UrlPaths.IsHttpUrl(text)))
        {
            diagnostics.Error(where, DiagnosticCodes.UnsafeUrl, $"URL '{text}' must be an absolute http(s) address");
            return null;
        }

        return text;
    }
}
