namespace BriefGen;

/// <summary>
/// What the preview's caches compare to tell whether what a kept result was made from is unchanged: texts by value,
/// everything else by reference (the load cache hands back the same object for an unchanged file).
/// </summary>
internal static class CacheKey
{
    public static bool Same(IReadOnlyList<object>? kept, IReadOnlyList<object> now)
    {
        if (kept is null || kept.Count != now.Count)
        {
            return false;
        }

        for (var i = 0; i < now.Count; i++)
        {
            // The same object first: most entries are, and it needs no look at either object.
            if (!ReferenceEquals(kept[i], now[i]) && !(kept[i] is string a && now[i] is string b && string.Equals(a, b, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }
}
