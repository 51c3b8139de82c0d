using System.Globalization;
using System.Text;

namespace BriefGen.Benchmarks.Corpus;

/// <summary>
/// Writes a synthetic brief in BriefGen's content format, modelled on the shared benchmark corpus
/// (gen_corpus.py --format briefgen): N pages of 4–6 KB of prose, each with about ten citations into a
/// bibliography of 200 sources, one or two quote boxes that really verify against the sources' generated
/// copies (plain text, one in ten a web page and one in ten a PDF), and about five cross-links; ten section pages, a home page, and an entity per speaker.
/// The same N and seed give the same files.
/// </summary>
public static class CorpusGenerator
{
    public const int Sources = 200;
    private const int Paragraphs = 250;

    private static readonly string[] Sections = ["energy", "health", "housing", "trade", "labour", "climate", "education", "security", "transport", "finance"];
    private static readonly string[] First = "Amara Bo Camille Dmitri Elena Farid Grace Hiro Ines Jonas Kwame Lena Mateo Nadia Omar Priya Rosa Sven Tomas Uma Vera Wen Yusuf Zofia".Split(' ');
    private static readonly string[] Last = "Abara Castillo Dubois Eze Fischer Gupta Haddad Ivanova Jensen Kowalski Laurent Mensah Nakamura Okafor Petrov Rahman Silva Tanaka Varga Walsh Xu Yilmaz Zhou".Split(' ');
    private static readonly string[] Roles = ["Minister of State", "Chief Economist", "Committee Chair", "Regulator", "Director of Policy", "Mayor", "Auditor General", "Ombudsman"];

    /// <summary>The id of page <paramref name="index"/> (1-based).</summary>
    public static string PageId(int index) => "brief-" + index.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>Writes the brief under <paramref name="root"/> (content/ and seeds/), replacing what is there.</summary>
    public static void Write(string root, int pages, int seed = 20240611)
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        var prose = new Prose(new Random(seed));
        var sourceTitles = Enumerable.Range(1, Sources).Select(_ => prose.Title()).ToArray();
        var paragraphs = sourceTitles.Select((title, s) => Enumerable.Range(1, Paragraphs)
            .Select(i => $"Paragraph {i} of {title} reviews the {prose.Adjective()} {prose.Noun()}. {prose.Sentence()} {prose.Sentence()}").ToArray()).ToArray();
        var titles = Enumerable.Range(1, pages).Select(_ => prose.Title()).ToArray();
        var sectionOf = Enumerable.Range(1, pages).Select(_ => prose.Random.Next(Sections.Length)).ToArray();
        var speakers = new SortedDictionary<string, (string Name, string Role)>(StringComparer.Ordinal);

        for (var p = 1; p <= pages; p++)
        {
            var body = Body(prose, p, pages, titles, paragraphs, speakers);
            File(root, $"content/pages/{PageId(p)}.md", $"---\ntitle: {Quote(titles[p - 1])}\nsummary: {Quote(prose.Sentence())}\n---\n\n{body}");
        }

        for (var s = 0; s < Sections.Length; s++)
        {
            var list = string.Join("\n", Enumerable.Range(1, pages).Where(p => sectionOf[p - 1] == s).Select(p => $"- [[{PageId(p)}]]"));
            File(root, $"content/pages/section-{Sections[s]}.md", $"---\ntitle: {Quote(char.ToUpperInvariant(Sections[s][0]) + Sections[s][1..])}\n---\n\n{list}\n");
        }

        File(root, "content/pages/index.md", "---\ntitle: Policy Briefs\n---\n\n" + string.Join("\n", Sections.Select(s => $"- [[section-{s}]]")) + "\n");
        File(root, "content/brief.yml", "title: Policy Briefs\nsummary: A synthetic corpus for benchmarks.\ndate: 2024-06-11\nnav: [index, " +
            string.Join(", ", Sections.Select(s => "section-" + s)) + "]\n");

        var sources = new StringBuilder();
        for (var s = 0; s < Sources; s++)
        {
            var id = SourceId(s);
            sources.Append(CultureInfo.InvariantCulture, $"- id: {id}\n  type: report\n  title: {Quote(sourceTitles[s])}\n  author: [{{ literal: {Quote(prose.Pick(Last) + ", " + prose.Pick(First)[0] + ".")} }}]\n")
                .Append(CultureInfo.InvariantCulture, $"  issued: {1998 + prose.Random.Next(27)}\n  URL: \"https://example.org/sources/{id}\"\n  text: ../seeds/{id}.{FormatOf(s)}\n");
            var path = Path.Combine(root, "seeds", $"{id}.{FormatOf(s)}");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllBytes(path, FormatOf(s) switch
            {
                "html" => Encoding.UTF8.GetBytes(SourceFiles.Html(sourceTitles[s], paragraphs[s])),
                "pdf" => SourceFiles.Pdf(paragraphs[s]),
                _ => Encoding.UTF8.GetBytes(string.Join("\n\n", paragraphs[s]) + "\n"),
            });
        }

        File(root, "content/sources.yml", sources.ToString());
        File(root, "content/entities.yml", string.Concat(speakers.Select(kv =>
            $"- id: {kv.Key}\n  name: {Quote(kv.Value.Name)}\n  kind: person\n  role: {Quote(kv.Value.Role)}\n")));
    }

    private static string Body(Prose prose, int page, int pages, string[] titles, string[][] paragraphs, SortedDictionary<string, (string, string)> speakers)
    {
        var r = prose.Random;
        var blocks = new List<string>();
        var size = 0;
        var target = 3300 + r.Next(1400);
        var citations = 9 + r.Next(3);
        var links = 4 + r.Next(3);
        var quotes = 1 + r.Next(2);
        var paragraphCount = 0;
        while (size < target)
        {
            if (paragraphCount > 0 && paragraphCount % 3 == 0)
            {
                blocks.Add("## " + prose.Heading());
            }

            var sentences = new List<string>();
            for (var i = 0; i < 3 + r.Next(3); i++)
            {
                var sentence = prose.Sentence();
                if (citations > 0 && r.Next(3) == 0)
                {
                    citations--;
                    var source = r.Next(Sources);
                    var locator = r.Next(4) == 0 ? $"sec. {1 + r.Next(14)}" : $"¶{1 + r.Next(240)}";
                    sentence = sentence[..^1] + $" [@{SourceId(source)}, {locator}].";
                }

                if (links > 0 && r.Next(4) == 0)
                {
                    links--;
                    var other = 1 + r.Next(pages);
                    sentence += $" See also [[{PageId(other)}|{titles[other - 1]}]].";
                }

                sentences.Add(sentence);
            }

            blocks.Add(string.Join(" ", sentences));
            size += blocks[^1].Length;
            paragraphCount++;
            if (quotes > 0 && paragraphCount > 1 && r.Next(3) == 0)
            {
                quotes--;
                blocks.Add(QuoteBox(prose, paragraphs, speakers));
            }
        }

        while (quotes-- > 0)
        {
            blocks.Add(QuoteBox(prose, paragraphs, speakers));
        }

        // Whatever citations did not land in a sentence close the page, so every page has about ten.
        if (citations > 0)
        {
            blocks.Add("Further reading " + string.Concat(Enumerable.Range(0, citations).Select(_ => $" [@{SourceId(r.Next(Sources))}, ¶{1 + r.Next(240)}]")) + ".");
        }

        return string.Join("\n\n", blocks) + "\n";
    }

    /// <summary>A quote box whose words are added to the cited paragraph of the source, so it verifies.</summary>
    private static string QuoteBox(Prose prose, string[][] paragraphs, SortedDictionary<string, (string, string)> speakers)
    {
        var name = prose.Pick(First) + " " + prose.Pick(Last);
        var id = "person-" + name.ToLowerInvariant().Replace(' ', '-');
        speakers.TryAdd(id, (name, prose.Pick(Roles)));
        var source = prose.Random.Next(Sources);
        var paragraph = 1 + prose.Random.Next(Paragraphs);
        var words = prose.Sentence() + " " + prose.Sentence();
        // The paragraph names the speaker, so the attribution verifies too.
        paragraphs[source][paragraph - 1] += $" {name} said: “{words}”";
        return $"> “{words}”\n> — [[{id}]], in testimony [@{SourceId(source)}, ¶{paragraph}]";
    }

    /// <summary>How source <paramref name="index"/> is kept: one in ten a web page, one in ten a PDF, the rest plain text.</summary>
    public static string FormatOf(int index) => (index % 10) switch { 3 => "html", 7 => "pdf", _ => "txt" };

    private static string SourceId(int index) => "src" + (index + 1).ToString("D3", CultureInfo.InvariantCulture);

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static void File(string root, string path, string text)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, text);
    }
}
