using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BriefGen.Markdown.Images;

/// <summary>An image with a title standing alone in its paragraph: written <c>![alt](map.png "Caption")</c>, shown as a captioned figure.</summary>
public static class Figure
{
    /// <summary>The image a paragraph holds and nothing else, when it has a caption; null otherwise.</summary>
    public static LinkInline? Of(ParagraphBlock paragraph)
    {
        LinkInline? image = null;
        for (var inline = paragraph.Inline?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LinkInline { IsImage: true } found when image is null:
                    image = found;
                    break;
                case LiteralInline literal when literal.Content.IsEmptyOrWhitespace():
                case LineBreakInline:
                    break;
                default:
                    return null;
            }
        }

        return image is { Title.Length: > 0 } && !string.IsNullOrWhiteSpace(image.Title) ? image : null;
    }

    /// <summary>True when <paramref name="image"/> is the image of a figure (its title is the caption, not a tooltip).</summary>
    public static bool IsCaptioned(LinkInline image) =>
        image.Parent?.ParentBlock is ParagraphBlock paragraph && ReferenceEquals(Of(paragraph), image);
}
