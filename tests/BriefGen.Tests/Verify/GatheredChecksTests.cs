using BriefGen.Diagnostics;
using BriefGen.Markdown.Citations;
using BriefGen.Markdown.QuoteBoxes;
using BriefGen.Markdown.Quotations;
using BriefGen.Verify;
using Markdig.Syntax;

namespace BriefGen.Tests.Verify;

/// <summary>
/// A preview rebuild patches the last rebuild's sums of the texts' checks instead of adding every text up again: the
/// patched sums must be what adding up the new texts gives, in the same order, over any run of edits.
/// </summary>
public sealed class GatheredChecksTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Patched_sums_equal_the_new_texts_added_up(int seed)
    {
        var random = new Random(seed);
        var texts = Enumerable.Range(0, 40).Select(_ => Text(random)).ToArray();
        var gathered = GatheredChecks.Of(texts);
        for (var round = 0; round < 30; round++)
        {
            // One to five texts checked again, some with nothing to show; and now and then two texts trade places.
            var next = (TextChecks[])texts.Clone();
            for (var k = random.Next(1, 6); k > 0; k--)
            {
                var slot = random.Next(next.Length);
                if (random.Next(4) == 0)
                {
                    (next[slot], next[^1]) = (next[^1], next[slot]);
                    continue;
                }

                next[slot] = random.Next(3) == 0 ? new TextChecks([], [], 0, 0, []) : Text(random);
            }

            var patched = gathered.Patched(next);
            AssertSame(GatheredChecks.Of(next), patched);
            texts = next;
            gathered = patched; // The next round patches a patched sum, as rebuild after rebuild does.
        }
    }

    [Fact]
    public void A_text_that_moves_from_one_place_to_another_keeps_its_checks()
    {
        var random = new Random(7);
        var texts = Enumerable.Range(0, 6).Select(_ => Text(random)).ToArray();
        TextChecks[] swapped = [texts[0], texts[3], texts[2], texts[1], texts[4], texts[5]];
        AssertSame(GatheredChecks.Of(swapped), GatheredChecks.Of(texts).Patched(swapped));
    }

    private static void AssertSame(GatheredChecks expected, GatheredChecks actual)
    {
        Assert.Equal(expected.Quotations, actual.Quotations);
        Assert.Equal(expected.Diagnostics, actual.Diagnostics);
        Assert.Equal(expected.NumbersChecked, actual.NumbersChecked);
        Assert.Equal(expected.NumbersFound, actual.NumbersFound);
        Assert.Equal(Entries(expected.Quotes), Entries(actual.Quotes));
        Assert.Equal(Entries(expected.QuotationOf), Entries(actual.QuotationOf));
    }

    // Dictionaries by identity: their entries as pairs in an order of the values' text, which is unique per entry here.
    private static List<(object Key, object Value)> Entries<TKey, TValue>(Dictionary<TKey, TValue> map)
        where TKey : notnull where TValue : notnull =>
        map.Select(e => ((object)e.Key, (object)e.Value)).OrderBy(e => e.Item2.ToString(), StringComparer.Ordinal).ToList();

    private static int _made;

    private static TextChecks Text(Random random)
    {
        var n = Interlocked.Increment(ref _made);
        var quotes = Enumerable.Range(0, random.Next(3)).Select(i => (Box(), new QuoteCheck(QuoteStatus.Verified, $"src{n}-{i}", Locator.None))).ToList();
        var quotations = Enumerable.Range(0, random.Next(3))
            .Select(i => new RunningQuotation($"words {n}-{i}", Location.File($"p{n}.md"), QuoteStatus.Verified, null, null, random.Next(3) == 0 ? null : new QuotationInline()))
            .ToList();
        var diagnostics = Enumerable.Range(0, random.Next(2))
            .Select(i => new Diagnostic(Location.File($"p{n}.md"), Severity.Warning, DiagnosticCodes.MissingFile, $"note {n}-{i}"))
            .ToList();
        return new TextChecks(quotes, quotations, random.Next(5), random.Next(3), diagnostics);
    }

    private static QuoteBox Box() => new()
    {
        Block = new QuoteBlock(null),
        Text = "",
        Attribution = new AttributionInline(),
        AttributionLine = 0,
        AttributionColumn = 0,
    };
}
