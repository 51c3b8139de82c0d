using System.Text.Json;

namespace BriefGen.Tests.Sarif;

/// <summary>
/// A hand-written check of what SARIF 2.1.0 (OASIS standard, §3) requires of the parts BriefGen
/// writes: the log's version and runs, each run's tool.driver.name, each rule's id, each result's
/// message, level, rule reference and physical location. (The official JSON schema is not kept
/// in this repository, so it is not used.)
/// </summary>
public static class SarifShape
{
    private static readonly string[] Levels = ["none", "note", "warning", "error"];

    public static void AssertValid(JsonElement log)
    {
        Assert.Equal("2.1.0", log.GetProperty("version").GetString());
        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", log.GetProperty("$schema").GetString());
        var runs = log.GetProperty("runs");
        Assert.Equal(JsonValueKind.Array, runs.ValueKind);
        foreach (var run in runs.EnumerateArray())
        {
            var driver = run.GetProperty("tool").GetProperty("driver");
            Assert.False(string.IsNullOrEmpty(driver.GetProperty("name").GetString()));
            var rules = driver.TryGetProperty("rules", out var r) ? r.EnumerateArray().ToList() : [];
            var ruleIds = rules.Select(rule => rule.GetProperty("id").GetString()!).ToList();
            Assert.Equal(ruleIds.Distinct().Count(), ruleIds.Count);
            foreach (var rule in rules)
            {
                Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
                Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), Levels);
            }

            var baseIds = run.TryGetProperty("originalUriBaseIds", out var b)
                ? b.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("uri").GetString()!)
                : [];
            foreach (var uri in baseIds.Values)
            {
                // §3.14.14: a base URI is absolute and ends with a slash.
                Assert.True(Uri.TryCreate(uri, UriKind.Absolute, out _), uri);
                Assert.EndsWith("/", uri);
            }

            foreach (var result in run.GetProperty("results").EnumerateArray())
            {
                Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
                Assert.Contains(result.GetProperty("level").GetString(), Levels);
                var ruleId = result.GetProperty("ruleId").GetString();
                var index = result.GetProperty("ruleIndex").GetInt32();
                Assert.InRange(index, 0, rules.Count - 1);
                Assert.Equal(ruleId, ruleIds[index]);
                foreach (var location in result.GetProperty("locations").EnumerateArray())
                {
                    var physical = location.GetProperty("physicalLocation");
                    var artifact = physical.GetProperty("artifactLocation");
                    var uri = artifact.GetProperty("uri").GetString()!;
                    if (artifact.TryGetProperty("uriBaseId", out var baseId))
                    {
                        Assert.True(baseIds.ContainsKey(baseId.GetString()!), $"uriBaseId {baseId} is not in originalUriBaseIds");
                        Assert.True(Uri.TryCreate(uri, UriKind.Relative, out _), uri);
                    }
                    else
                    {
                        Assert.True(Uri.TryCreate(uri, UriKind.Absolute, out _), uri);
                    }

                    if (physical.TryGetProperty("region", out var region))
                    {
                        Assert.True(region.GetProperty("startLine").GetInt32() >= 1);
                        Assert.True(region.GetProperty("startColumn").GetInt32() >= 1);
                    }
                }
            }
        }
    }
}
