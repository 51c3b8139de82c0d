namespace BriefGen.Load.SourceTexts.Pdf;

/// <summary>A word of a PDF page: its text and box, with its baseline and font size.</summary>
internal sealed record PdfWord(string Text, double Left, double Right, double Baseline, double Top, double Size);

/// <summary>
/// A line of a PDF page in reading order: the words on one baseline within one column (<see cref="Column"/>
/// is -1 for a line that spans the columns). <see cref="TextLeft"/> is where its text starts after a bullet.
/// </summary>
internal sealed record PdfLine(int Page, int Column, double Left, double TextLeft, double Right, double Baseline, double Top, double Size, string Text)
{
    public bool StartsWithBullet => TextLeft > Left;

    /// <summary>The line's text with digits removed and white space collapsed: how running headers are recognised.</summary>
    public string Pattern
    {
        get
        {
            var chars = Text.Where(c => !char.IsDigit(c)).Select(char.ToLowerInvariant).ToArray();
            return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
    }
}
