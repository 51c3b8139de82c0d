using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BriefGen.Load;

/// <summary>
/// Feeds the deserializer a YAML text without the fields already reported as unknown, so one misspelt
/// field costs one diagnostic and the rest of the entry is still read (its id still exists for the
/// citations and links that name it). Only the mappings whose start is a key of <c>checkedMaps</c> are
/// filtered, each by its own allowed fields;
/// every event keeps its place in the file, so later errors still point at the right line and column.
/// </summary>
internal sealed class KnownFieldsParser(IParser inner, IReadOnlyDictionary<long, IReadOnlyDictionary<string, string>> checkedMaps)
    : IParser
{
    private sealed class Frame(IReadOnlyDictionary<string, string>? fields)
    {
        public IReadOnlyDictionary<string, string>? Fields { get; } = fields;

        public bool AtKey { get; set; } = true;
    }

    private readonly Stack<Frame?> _stack = new();

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        while (inner.MoveNext())
        {
            var current = inner.Current!;
            if (current is Scalar { Value: var name } && _stack.TryPeek(out var map) && map is { Fields: { } fields, AtKey: true } &&
                !fields.ContainsKey(name))
            {
                SkipValue();
                continue;
            }

            Track(current);
            return true;
        }

        return false;
    }

    /// <summary>Moves past the value of a skipped key: one scalar or alias, or a whole list or mapping.</summary>
    private void SkipValue()
    {
        var depth = 0;
        while (inner.MoveNext())
        {
            switch (inner.Current)
            {
                case MappingStart or SequenceStart:
                    depth++;
                    break;
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }

            if (depth == 0)
            {
                return;
            }
        }
    }

    private void Track(ParsingEvent e)
    {
        switch (e)
        {
            case MappingStart:
                Completed();
                _stack.Push(new Frame(checkedMaps.GetValueOrDefault(e.Start.Index)));
                break;
            case SequenceStart:
                Completed();
                _stack.Push(null);
                break;
            case MappingEnd or SequenceEnd:
                _stack.Pop();
                break;
            case Scalar or AnchorAlias:
                Completed();
                break;
        }
    }

    /// <summary>A node started or ended inside a mapping: the mapping moves from key to value or back.</summary>
    private void Completed()
    {
        if (_stack.TryPeek(out var parent) && parent is not null)
        {
            parent.AtKey = !parent.AtKey;
        }
    }
}
