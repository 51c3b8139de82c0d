using BriefGen.Load;

namespace BriefGen.Cli;

/// <summary><c>briefgen new page ID</c>: a new page with front matter and an example of each syntax.</summary>
internal static class Scaffold
{
    public static int NewPage(string root, string id, string? title, TextWriter stdout, TextWriter stderr)
    {
        if (!Ids.IsValid(id) || id == "index")
        {
            stderr.WriteLine($"briefgen: '{id}' is not a valid page id ({Ids.Rule}{(id == "index" ? "; index is the home page" : "")})");
            return Cli.UsageErrors;
        }

        var pages = Path.Combine(root, "content", "pages");
        if (!Directory.Exists(Path.Combine(root, "content")))
        {
            stderr.WriteLine($"briefgen: no content/ folder in '{root}'; run this in the brief's folder or pass --root");
            return Cli.UsageErrors;
        }

        var file = Path.Combine(pages, id + ".md");
        if (File.Exists(file))
        {
            stderr.WriteLine($"briefgen: content/pages/{id}.md already exists; nothing was changed");
            return Cli.ContentErrors;
        }

        title ??= char.ToUpperInvariant(id[0]) + id[1..].Replace('-', ' ');
        Directory.CreateDirectory(pages);
        var yamlTitle = title.Contains(':', StringComparison.Ordinal) || title.Contains('"', StringComparison.Ordinal) || title.Contains('#', StringComparison.Ordinal)
            ? "\"" + title.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""
            : title;
        var source = FirstSourceId(Path.Combine(root, "content", "sources.yml")) ?? "seed";
        File.WriteAllText(file, $$"""
            ---
            title: {{yamlTitle}}
            summary: One sentence on what this page covers.
            ---
            Write each factual sentence with the paragraph it rests on [@{{source}}, ¶1].

            > [!NOTE]
            > Replace this text. A quote box is a blockquote whose last line is
            > `— [[speaker-id]], where and when [@{{source}}, ¶1]`; the build checks its words
            > against the cited paragraph. Link people, events and figures by id: `[[id]]`.
            > Add `{{id}}` to `nav` in content/brief.yml to place the page in the reading order.

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        stdout.WriteLine($"Created content/pages/{id}.md");
        return Cli.Success;
    }

    /// <summary>The id of the first source in sources.yml, for the example citation.</summary>
    private static string? FirstSourceId(string sourcesFile)
    {
        if (!File.Exists(sourcesFile))
        {
            return null;
        }

        foreach (var line in File.ReadLines(sourcesFile))
        {
            var t = line.Trim();
            if (t.StartsWith("- id:", StringComparison.Ordinal) && Ids.IsValid(t[5..].Trim().Trim('"', '\''))) 
            {
                return t[5..].Trim().Trim('"', '\'');
            }
        }

        return null;
    }
}
