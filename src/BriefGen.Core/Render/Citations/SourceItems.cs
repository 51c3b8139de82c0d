using BriefGen.Csl;
using BriefGen.Model;

namespace BriefGen.Render.Citations;

/// <summary>A source as the CSL processor and CSL-JSON read it: its CSL variables, without BriefGen's own fields.</summary>
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
                case (_, IReadOnlyList<CslName> names):
                    builder.SetNames(key, names);
                    break;
                case ("categories", IReadOnlyList<string> categories):
                    foreach (var c in categories)
                    {
                        builder.AddCategory(c);
                    }

                    break;
                case (_, string text):
                    builder.Set(key, text);
                    break;
            }
        }

        return builder.Build();
    }
}
