using BriefGen.Render.Kinds;

namespace BriefGen.Render;

/// <summary>Every kind of output page, in the order their files are listed.</summary>
public static class PageKinds
{
    public static IEnumerable<Func<PageView>> All(RenderInputs inputs) =>
        new ContentPages(inputs).Pages()
            .Concat(new FigurePages(inputs).Pages())
            .Concat(new TimelinePage(inputs).Pages())
            .Concat(new QuotePages(inputs).Pages())
            .Concat(new EntityPages(inputs).Pages())
            .Concat(new SourcePages(inputs).Pages())
            .Concat(new TagPages(inputs).Pages())
            .Concat(new SearchPages(inputs).Pages())
            .Concat(new PrintPage(inputs).Pages())
            .Concat(new NotFoundPage(inputs).Pages());
}
