using System.Diagnostics;
using BriefGen.Diagnostics;
using BriefGen.Load;
using BriefGen.Render;
using BriefGen.Tests.Support;

namespace BriefGen.Tests.Security;

/// <summary>SPEC §3: limits on untrusted input, each an error with file and line (docs/security.md).</summary>
public sealed class InputLimitTests : IDisposable
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    private readonly TestBrief _brief = new();

    public void Dispose() => _brief.Dispose();

    /// <summary>Runs a build with a hang guard: a build that never ends fails the test instead of stalling the run.</summary>
    private Build.BuildResult BuildWithin(TimeSpan limit)
    {
        var task = Task.Run(() => _brief.Build());
        Assert.True(task.Wait(limit), $"the build did not finish in {limit.TotalSeconds} s");
        return task.Result;
    }

    private static string AliasBomb(int levels, string use)
    {
        var lines = new List<string> { "l0: &l0 [x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i <= levels; i++)
        {
            lines.Add($"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 9))}]");
        }

        lines.Add(use);
        return string.Join("\n", lines) + "\n";
    }

    [Fact]
    public void An_alias_bomb_used_as_a_complex_key_is_refused_before_it_is_hashed()
    {
        // Four levels expand to 9^5 values, under the expansion limit: the key itself is what is refused.
        _brief.Write("content/brief.yml", AliasBomb(4, "? *l4\n: value"));
        var d = Hostile.AssertError(BuildWithin(Hang), DiagnosticCodes.YamlComplexKey, "content/brief.yml");
        Assert.Equal(6, d.Location.Line);
    }

    [Fact]
    public void An_alias_bomb_used_as_a_value_is_refused_past_the_expansion_limit()
    {
        _brief.Write("content/brief.yml", AliasBomb(9, "title: *l9"));
        var d = Hostile.AssertError(BuildWithin(Hang), DiagnosticCodes.YamlAlias, "content/brief.yml");
        Assert.Contains("100,000", d.Message);
    }

    [Fact]
    public void A_mapping_as_a_key_is_refused()
    {
        _brief.Write("content/brief.yml", "title: Test Brief\n? [a, b]\n: c\n");
        var d = Hostile.AssertError(_brief.Build(), DiagnosticCodes.YamlComplexKey, "content/brief.yml");
        Assert.Equal(2, d.Location.Line);
    }

    [Fact]
    public void A_few_plain_aliases_still_load()
    {
        _brief.Write("content/entities.yml", "- id: paez\n  name: &n Richard Paez\n  kind: person\n  aliases: [*n]\n");
        var result = _brief.Build();
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is DiagnosticCodes.YamlAlias or DiagnosticCodes.YamlComplexKey);
    }

    [Fact]
    public void Yaml_nested_deeper_than_the_limit_is_an_error()
    {
        var depth = InputLimits.YamlDepth + 1;
        _brief.Write("content/figures.yml", new string('[', depth) + new string(']', depth));
        Hostile.AssertError(_brief.Build(), DiagnosticCodes.TooDeep, "content/figures.yml");
    }

    [Fact]
    public void A_content_file_over_the_size_limit_is_an_error()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Big\n---\n" + new string('a', (int)InputLimits.ContentFileBytes));
        var d = Hostile.AssertError(_brief.Build(), DiagnosticCodes.TooLarge, "content/pages/second.md");
        Assert.Contains("4,194,304", d.Message);
    }

    [Fact]
    public void A_long_pipe_table_after_emphasis_is_refused_quickly()
    {
        var rows = string.Concat(Enumerable.Range(0, 40_000).Select(i => $"| c{i} | d |\n"));
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\n*A* x\n| a | b |\n|---|---|\n" + rows);
        var d = Hostile.AssertError(BuildWithin(Hang), DiagnosticCodes.TooLarge, "content/pages/second.md");
        Assert.Equal(5, d.Location.Line);
    }

    [Fact]
    public void A_table_within_the_limit_renders()
    {
        var rows = string.Concat(Enumerable.Range(0, 50).Select(i => $"| c{i} | d |\n"));
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\n*A* x\n\n| a | b |\n|---|---|\n" + rows);
        var result = _brief.Build();
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        Assert.Contains("<td>c49</td>", _brief.ReadOutput("second/index.html"));
    }

    [Fact]
    public void A_fifo_as_a_content_file_is_an_error_not_a_hang()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "FIFOs are detected on Linux");
        _brief.Delete("content/pages/second.md");
        MakeFifo(Path.Combine(_brief.Root, "content/pages/second.md"));
        Hostile.AssertError(BuildWithin(Hang), DiagnosticCodes.NotRegularFile, "content/pages/second.md");
    }

    [Fact]
    public void A_fifo_as_a_source_text_is_an_error_not_a_hang()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "FIFOs are detected on Linux");
        _brief.Delete("seeds/seed.txt");
        MakeFifo(Path.Combine(_brief.Root, "seeds/seed.txt"));
        Hostile.AssertError(BuildWithin(Hang), DiagnosticCodes.NotRegularFile, "content/sources.yml");
    }

    [Fact]
    public void A_fifo_as_sources_yml_is_an_error_not_a_hang()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "FIFOs are detected on Linux");
        _brief.Delete("content/sources.yml");
        MakeFifo(Path.Combine(_brief.Root, "content/sources.yml"));
        Hostile.AssertError(BuildWithin(Hang), DiagnosticCodes.NotRegularFile, "content/sources.yml");
    }

    [Fact]
    public void A_template_that_loops_forever_stops_at_the_loop_limit()
    {
        _brief.Write("templates/page.html", "{{ while true; end }}");
        var d = Hostile.AssertError(BuildWithin(Hang), DiagnosticCodes.TemplateError, "templates/page.html");
        Assert.Contains("limit", d.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_template_that_doubles_a_string_stops_at_the_string_limit()
    {
        _brief.Write("templates/page.html", "{{ x = \"ab\"; for i in 1..64; x = x + x; end; x }}");
        var d = Hostile.AssertError(BuildWithin(Hang), DiagnosticCodes.TemplateError, "templates/page.html");
        Assert.Contains("LimitToString", d.Message);
    }

    [Fact]
    public void A_template_that_recurses_stops_at_the_recursion_limit()
    {
        _brief.Write("templates/page.html", "{{ func f; f; end; f }}");
        Hostile.AssertError(BuildWithin(Hang), DiagnosticCodes.TemplateError, "templates/page.html");
    }

    [Fact]
    public void A_template_that_writes_without_end_stops_at_the_output_limit()
    {
        _brief.Write("templates/page.html", "{{ for i in 1..900000 }}{{ \"0123456789012345678901234567890123456789\" }}{{ end }}");
        var d = Hostile.AssertError(BuildWithin(Hang), DiagnosticCodes.TemplateError, "templates/page.html");
        Assert.Contains("OutputLimit", d.Message);
    }

    [Fact]
    public void A_template_that_runs_too_long_stops_at_the_time_budget()
    {
        _brief.Write("templates/page.html", "{{ for i in 1..999999; x = \"a\" | string.pad_left 200000; end }}");
        var clock = Stopwatch.StartNew();
        var d = Hostile.AssertError(BuildWithin(Hang), DiagnosticCodes.TemplateError, "templates/page.html");
        Assert.True(clock.Elapsed >= TemplateLimits.RenderTime, "stopped before the budget");
        Assert.Contains("budget", d.Message);
    }

    [Fact]
    public void A_symbolic_link_to_the_file_system_root_in_templates_lists_nothing_from_there()
    {
        Directory.CreateDirectory(Path.Combine(_brief.Root, "templates"));
        File.CreateSymbolicLink(Path.Combine(_brief.Root, "templates/everything"), "/");
        File.CreateSymbolicLink(Path.Combine(_brief.Root, "templates/etc"), "/etc");
        var result = BuildWithin(Hang);
        var links = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.OutsideRoot).ToList();
        Assert.Equal(["templates/etc", "templates/everything"], links.Select(d => d.Location.Path).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(result.Diagnostics, d => d.Location.Path.Contains("passwd", StringComparison.Ordinal));
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void The_built_in_templates_render_without_limits_applied()
    {
        Assert.False(TemplateSet.BuiltIn(new DiagnosticBag()).FromRoot);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
