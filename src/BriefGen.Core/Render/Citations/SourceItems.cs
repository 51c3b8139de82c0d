using BriefGen.Csl;
using BriefGen.Model;

namespace BriefGen.Render.Citations;

/// <summary>A source as the CSL processor reads it: its CSL variables, without BriefGen's own fields.</summary>
public static class SourceItems
{
    public static CslItem Of(Source source)
    {
        var builder = new CslItemBuilder(source.Id, source.Get("type") ?? "document");
        foreach (var (key, value) in source.Csl)
        {
            switch (key, value)
            {
                case ("id" or "type", _):
                    break;
                case (_, CslDate date):
                    builder.SetDate(key, date);
                    break;
                case (_, PartialDate date):
                    builder.SetDate(key, CslDate.Of(date.Year, date.Month, date.Day));
                    break;
                case (_, IReadOnlyList<CslName> names):
                    builder.SetNames(key, names);
                    break;
                case ("categories", IReadOnlyList<string> categories):
                    foreach (var c in categories)
                    {
                        builder.AddCategory(c);
                    }

                    break;
                case (_, List<object> names):
                    builder.SetNames(key, names.OfType<IReadOnlyList<KeyValuePair<string, object>>>().Select(Name));
                    break;
                case (_, string text):
                    builder.Set(key, text);
                    break;
            }
        }

        return builder.Build();
    }

    private static CslName Name(IReadOnlyList<KeyValuePair<string, object>> parts)
    {
        string? Part(string name) => parts.FirstOrDefault(kv => kv.Key == name).Value as string;
        return new CslName
        {
            Family = Part("family"),
            Given = Part("given"),
            Literal = Part("literal"),
            Suffix = Part("suffix"),
            DroppingParticle = Part("dropping-particle"),
            NonDroppingParticle = Part("non-dropping-particle"),
        };
    }
}
