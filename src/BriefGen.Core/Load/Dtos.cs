using YamlDotNet.Serialization;

namespace BriefGen.Load;

// The shapes of the YAML files, as the source-generated deserializer fills them. Dates and
// Markdown stay strings here: they are checked and located by ContentLoader.
#pragma warning disable CA1002

public sealed class BriefDto
{
    public string? Title { get; set; }
    public string? Subtitle { get; set; }
    public string? Summary { get; set; }
    public string? Language { get; set; }
    public string? Date { get; set; }
    public List<AuthorDto>? Authors { get; set; }
    public string? License { get; set; }
    public string? BaseUrl { get; set; }
    public string? SiteUrl { get; set; }
    public bool? AllowHtml { get; set; }
    public List<string>? Nav { get; set; }
    public string? Csl { get; set; }
    public string? Locale { get; set; }
}

public sealed class AuthorDto
{
    public string? Name { get; set; }
    public string? Affiliation { get; set; }
}

public sealed class FrontMatterDto
{
    public string? Title { get; set; }
    public string? Id { get; set; }
    public string? Summary { get; set; }
    public int? Order { get; set; }
    public string? Layout { get; set; }
    public bool? Draft { get; set; }
    public List<string>? Tags { get; set; }
    public string? Date { get; set; }
    public string? Updated { get; set; }
}

public sealed class EntityDto
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Role { get; set; }
    public List<string>? Aliases { get; set; }
    public string? Description { get; set; }
}

public sealed class EventDto
{
    public string? Id { get; set; }
    public string? Date { get; set; }
    public string? Title { get; set; }
    public string? Text { get; set; }
}

public sealed class FigureDto
{
    public string? Id { get; set; }
    public string? Value { get; set; }
    public string? Label { get; set; }
    public string? Cite { get; set; }
}

[YamlStaticContext]
[YamlSerializable(typeof(BriefDto))]
[YamlSerializable(typeof(AuthorDto))]
[YamlSerializable(typeof(FrontMatterDto))]
[YamlSerializable(typeof(EntityDto))]
[YamlSerializable(typeof(EventDto))]
[YamlSerializable(typeof(FigureDto))]
public partial class ContentYamlContext : StaticContext;
