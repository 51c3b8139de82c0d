using BriefGen.Model;

namespace BriefGen.Load;

/// <summary>Reads a source's text and numbers its paragraphs: blocks separated by blank lines.</summary>
public static class SourceTexts
{
    public static SourceText Read(string fullPath, string relativePath) => Parse(File.ReadAllText(fullPath), relativePath);

    public static SourceText Parse(string text, string relativePath)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.Trim().Length == 0)
            {
                Flush();
            }
            else
            {
                current.Add(raw.TrimEnd());
            }
        }

        Flush();
        return new SourceText(relativePath, paragraphs);

        void Flush()
        {
            if (current.Count > 0)
            {
                paragraphs.Add(string.Join('\n', current));
                current.Clear();
            }
        }
    }
}
