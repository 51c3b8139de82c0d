namespace BriefGen.Csl.Tests;

/// <summary>
/// A memo of formatted citations (the preview's print page, formatted again on every save) gives the text a fresh
/// processor gives, pass after pass, and takes from it only citations whose cites and positions are unchanged.
/// </summary>
public sealed class CitationMemoTests
{
    private static CslCitation Note(int number, string id, string? locator = null) =>
        new([new CslCitationItem(id) { Locator = locator, Label = "paragraph" }]) { NoteNumber = number };

    private static CslCitation[] Document(params (string Id, string? Locator)[] cites) =>
        cites.Select((c, k) => Note(k + 1, c.Id, c.Locator)).ToArray();

    private static List<string> Fresh(CslStyle style, IReadOnlyList<CslCitation> document) =>
        [.. new CslProcessor(style, CslLocale.BuiltIn("en-US"), ProcessorTests.MppSources()).FormatCitations(document).Select(r => r.Text.ToHtml())];

    private static List<string> With(CslProcessor processor, CslCitationMemo memo, IReadOnlyList<CslCitation> document)
    {
        memo.Next();
        return [.. processor.FormatCitations(document, 0, document.Count, memo).Select(r => r.Text.ToHtml())];
    }

    [Fact]
    public void A_document_formatted_again_after_an_edit_reads_as_a_fresh_processor_formats_it()
    {
        var style = CslStyle.BuiltIn(CslStyle.DefaultName);
        var processor = new CslProcessor(style, CslLocale.BuiltIn("en-US"), ProcessorTests.MppSources());
        var memo = new CslCitationMemo();
        var before = Document(("liptak-2020", null), ("innovation-law-lab-v-wolf", "4"), ("innovation-law-lab-v-wolf", "4"),
            ("seed", "2"), ("liptak-2020", "3"), ("innovation-law-lab-v-wolf", "9"));

        Assert.Equal(Fresh(style, before), With(processor, memo, before));
        Assert.Equal(0, memo.Hits);
        Assert.Equal(Fresh(style, before), With(processor, memo, before));
        Assert.Equal(before.Length, memo.Hits);

        // A note added first: every later note's number moves, and the first cite of liptak-2020 becomes a subsequent one.
        CslCitation[] after = [Note(1, "liptak-2020", "7"), .. before.Select(c => c with { NoteNumber = c.NoteNumber + 1 })];
        var hits = memo.Hits;
        var formatted = With(processor, memo, after);
        Assert.Equal(Fresh(style, after), formatted);
        // The note that was first is now a subsequent cite: it was not taken from the memo, the others were.
        Assert.Equal(CslPosition.Subsequent, processor.FormatCitations(after)[1].Positions[0]);
        Assert.Equal(before.Length - 1, memo.Hits - hits); // The other notes kept their positions; this style reads no note numbers.
    }

    [Fact]
    public void A_style_that_prints_the_first_note_number_is_formatted_again_when_numbers_move()
    {
        var style = CslStyle.Parse("""
            <style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
              <info><title>Test</title><id>test</id></info>
              <citation><layout suffix=".">
                <choose>
                  <if position="subsequent"><text variable="title"/><text variable="first-reference-note-number" prefix=", n. "/></if>
                  <else><text variable="title"/></else>
                </choose>
              </layout></citation>
            </style>
            """);
        var processor = new CslProcessor(style, CslLocale.BuiltIn("en-US"), ProcessorTests.MppSources());
        var memo = new CslCitationMemo();
        var before = Document(("liptak-2020", null), ("seed", null), ("liptak-2020", null));
        Assert.Equal(Fresh(style, before), With(processor, memo, before));

        var after = Document(("seed", null), ("liptak-2020", null), ("seed", null), ("liptak-2020", null));
        var formatted = With(processor, memo, after);
        Assert.Equal(Fresh(style, after), formatted);
        Assert.EndsWith(", n. 2.", formatted[3], StringComparison.Ordinal);
    }

    [Fact]
    public void What_a_pass_did_not_use_is_let_go_after_the_next()
    {
        var style = CslStyle.BuiltIn(CslStyle.DefaultName);
        var processor = new CslProcessor(style, CslLocale.BuiltIn("en-US"), ProcessorTests.MppSources());
        var memo = new CslCitationMemo();
        var first = Document(("liptak-2020", "1"));
        var second = Document(("liptak-2020", "2"));
        With(processor, memo, first);
        With(processor, memo, second);
        With(processor, memo, second);
        var hits = memo.Hits;
        With(processor, memo, first); // Unused for two passes: formatted again.
        Assert.Equal(hits, memo.Hits);
    }

    [Fact]
    public void A_pass_stopped_midway_lets_go_of_nothing_the_next_pass_needs()
    {
        var style = CslStyle.BuiltIn(CslStyle.DefaultName);
        var processor = new CslProcessor(style, CslLocale.BuiltIn("en-US"), ProcessorTests.MppSources());
        var memo = new CslCitationMemo();
        var document = Enumerable.Range(0, 600)
            .Select(k => Note(k + 1, k % 2 == 0 ? "liptak-2020" : "seed", (k / 2).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();
        With(processor, memo, document);

        // The next pass, in parts of 100 (as the print page is formatted side by side), stopped after three.
        using var stop = new CancellationTokenSource();
        memo.Next();
        var formatted = 0;
        Assert.Throws<OperationCanceledException>(() =>
        {
            for (var start = 0; start < document.Length; start += 100, formatted += 100)
            {
                if (formatted == 300)
                {
                    stop.Cancel();
                }

                processor.FormatCitations(document, start, 100, memo, stop.Token);
            }
        });
        Assert.Equal(300, formatted);
        memo.Stopped();

        // The pass after finds every citation: those the stopped pass took, and those only the complete pass before it had.
        var hits = memo.Hits;
        Assert.Equal(Fresh(style, document), With(processor, memo, document));
        Assert.Equal(document.Length, memo.Hits - hits);
    }

    [Fact]
    public void A_cancelled_token_stops_a_format_before_its_first_citation()
    {
        var processor = new CslProcessor(CslStyle.BuiltIn(CslStyle.DefaultName), CslLocale.BuiltIn("en-US"), ProcessorTests.MppSources());
        var document = Document(("liptak-2020", "1"), ("seed", "2"));
        Assert.Throws<OperationCanceledException>(() => processor.FormatCitations(document, 0, document.Length, null, new CancellationToken(canceled: true)));
        Assert.Equal(2, processor.FormatCitations(document, 0, document.Length, null, TestContext.Current.CancellationToken).Count);
    }
}
