namespace BriefGen.Verify.Text;

/// <summary>A passage in double quotes in running text: where it stands and its words.</summary>
public readonly record struct RunningQuote(int Start, int End, string Text);

/// <summary>
/// Finds quotations in running text (SPEC §2): passages in double quotes, curly or straight. Single
/// quotes inside are part of the quotation; an opening mark that never closes quotes nothing.
/// </summary>
public static class RunningQuotes
{
    /// <summary>Every quotation in <paramref name="text"/>, in order; Start and End include the marks.</summary>
    public static List<RunningQuote> Find(string text)
    {
        var quotes = new List<RunningQuote>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var opens = c == '“' || (c == '"' && OpensStraight(text, i));
            if (!opens)
            {
                i++;
                continue;
            }

            var close = -1;
            for (var j = i + 1; j < text.Length; j++)
            {
                if (text[j] == '”' || (text[j] == '"' && j > i + 1))
                {
                    close = j;
                    break;
                }

                if (text[j] == '“')
                {
                    break; // A second opening mark: the first never closed.
                }
            }

            if (close < 0)
            {
                i++;
                continue;
            }

            var inner = text[(i + 1)..close];
            if (inner.Any(Words.IsWordChar))
            {
                quotes.Add(new RunningQuote(i, close + 1, inner));
            }

            i = close + 1;
        }

        return quotes;
    }

    // A straight quote opens at the start or after a space, an opening bracket or a dash, before a word.
    private static bool OpensStraight(string text, int i) =>
        (i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '—' or '–' or '-' or '/') &&
        i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
}
