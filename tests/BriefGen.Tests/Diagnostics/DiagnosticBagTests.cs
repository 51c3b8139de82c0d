using BriefGen.Diagnostics;

namespace BriefGen.Tests.Diagnostics;

/// <summary>The order a build prints its diagnostics in: by file, line, column, code and message, each once.</summary>
public sealed class DiagnosticBagTests
{
    [Fact]
    public void Diagnostics_come_out_once_each_by_place_code_and_message_with_ties_in_the_order_reported()
    {
        var bag = new DiagnosticBag();
        bag.Warning(new Location("b.md", 2, 1), "BG0212", "second");
        bag.Error(new Location("a.md", 9, 4), "BG0101", "first");
        bag.Warning(new Location("b.md", 2, 1), "BG0212", "second"); // A repeat: dropped.
        bag.Error(new Location("b.md", 2, 1), "BG0212", "second"); // Same place, code and message, but an error: kept, after the warning.
        bag.Warning(new Location("a.md", 10, 1), "BG0101", "first");
        bag.Warning(new Location("a.md", 9, 4), "BG0100", "first");

        Assert.Equal(
            [
                "a.md(9,4): warning BG0100: first",
                "a.md(9,4): error BG0101: first",
                "a.md(10,1): warning BG0101: first",
                "b.md(2,1): warning BG0212: second",
                "b.md(2,1): error BG0212: second",
            ],
            bag.Sorted().Select(d => d.ToString()));
    }

    [Fact]
    public void Sorting_many_diagnostics_with_repeats_gives_what_removing_repeats_then_a_stable_sort_gives()
    {
        var random = new Random(16);
        for (var round = 0; round < 200; round++)
        {
            var reported = Enumerable.Range(0, random.Next(0, 60)).Select(_ => new Diagnostic(
                new Location(random.Next(3) switch { 0 => "a.md", 1 => "b.md", _ => "content/ä.md" }, random.Next(1, 4), random.Next(1, 3)),
                random.Next(2) == 0 ? Severity.Warning : Severity.Error,
                random.Next(2) == 0 ? "BG0212" : "BG0101",
                random.Next(3) switch { 0 => "x", 1 => "y", _ => "Y" })).ToList();
            var bag = new DiagnosticBag();
            foreach (var d in reported)
            {
                bag.AddReported([d]);
            }

            var expected = reported.Distinct()
                .OrderBy(d => d.Location.Path, StringComparer.Ordinal).ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column)
                .ThenBy(d => d.Code, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal);
            Assert.Equal(expected, bag.Sorted());
        }
    }
}
