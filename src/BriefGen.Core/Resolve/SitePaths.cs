namespace BriefGen.Resolve;

/// <summary>
/// Where each kind of page lives in the output, relative to base_url (SPEC §5). Paths end in '/'
/// (pretty URLs) and are written as folder/index.html.
/// </summary>
public static class SitePaths
{
    public const string Home = "";
    public const string Entities = "entities/";
    public const string Timeline = "timeline/";
    public const string Quotes = "quotes/";
    public const string Figures = "figures/";
    public const string Sources = "sources/";
    public const string Search = "search/";
    public const string Print = "print/";
    public const string Tags = "tags/";

    public static string Page(string id) => id == "index" ? Home : id + "/";

    public static string Entity(string id) => Entities + id + "/";

    public static string Source(string id) => Sources + id + "/";

    public static string Tag(string name) => Tags + name + "/";

    /// <summary>The file a site path is written to: "" → index.html, "a/" → a/index.html.</summary>
    public static string File(string sitePath) => sitePath.Length == 0 || sitePath.EndsWith('/') ? sitePath + "index.html" : sitePath;
}
