namespace BriefGen.Diagnostics;

/// <summary>Every diagnostic code BriefGen reports; <c>docs/diagnostics.md</c> explains each one.</summary>
public static class DiagnosticCodes
{
    // Loading content
    public const string YamlSyntax = "BG0001";
    public const string UnknownField = "BG0002";
    public const string MissingField = "BG0003";
    public const string WrongType = "BG0004";
    public const string BadDate = "BG0005";
    public const string DuplicateKey = "BG0006";
    public const string DuplicateId = "BG0007";
    public const string InvalidId = "BG0008";
    public const string OutsideRoot = "BG0009";
    public const string MissingFile = "BG0010";
    public const string UnknownNavPage = "BG0011";
    public const string RawHtmlEscaped = "BG0012";
    public const string UnsafeUrl = "BG0013";
    public const string TemplateError = "BG0014";
    public const string OutsideOutput = "BG0015";
    public const string MissingContent = "BG0016";

    // Citations
    public const string UnknownSource = "BG0101";
    public const string LocatorOutOfRange = "BG0102";
    public const string MalformedCitation = "BG0103";
    public const string NestedCitation = "BG0104";

    // Citation styles (CSL)
    public const string UnknownCslStyle = "BG0110";
    public const string BadCslStyle = "BG0111";
    public const string UnknownCslLocale = "BG0112";
    public const string CslFormatFailed = "BG0113";
    public const string UndefinedFootnote = "BG0114";

    // Verification
    public const string Misquote = "BG0201";
    public const string FigureNotFound = "BG0202";
    public const string UnverifiableQuote = "BG0203";
    public const string UnverifiableFigure = "BG0204";
    public const string BadAttribution = "BG0205";
    public const string ShortQuotationNotFound = "BG0206";
    public const string UnsourcedQuotation = "BG0207";
    public const string NumberNotInSource = "BG0208";
    public const string LocatorNotChecked = "BG0209";
    public const string UncheckedBlockquote = "BG0210";
    public const string LazyContinuation = "BG0211";
    public const string SpeakerNotInSource = "BG0212";

    // Cross-links and output
    public const string UnknownLink = "BG0301";
    public const string Unused = "BG0302";
    public const string BrokenOutputLink = "BG0303";

    // Hostile or broken input: limits, unsafe values, output safety (docs/security.md)
    public const string TooLarge = "BG0501";
    public const string TooDeep = "BG0502";
    public const string YamlAlias = "BG0503";
    public const string YamlComplexKey = "BG0504";
    public const string NotRegularFile = "BG0505";
    public const string ReservedId = "BG0506";
    public const string BadBaseUrl = "BG0507";
    public const string BadSiteUrl = "BG0508";
    public const string HtmlSanitized = "BG0509";
    public const string UnsafeOutput = "BG0511";
    public const string OutputInUse = "BG0512";
    public const string Unreadable = "BG0513";
    public const string InvalidCharacter = "BG0514";
    public const string InternalError = "BG0599";

    // Starting and publishing a brief: scaffolds and external links
    public const string DeadExternalLink = "BG0600";
    public const string UnreachableExternalLink = "BG0601";
    public const string ScaffoldPlaceholder = "BG0602";
    public const string BrokenContentLink = "BG0304";

    // Writer comforts: images, tags, feed
    public const string ImageWithoutAlt = "BG0610";
    public const string MissingImage = "BG0611";
    public const string ImageOutsideContent = "BG0612";
    public const string UnsupportedImage = "BG0613";
    public const string ImageNotWhatItSays = "BG0614";
    public const string ExternalImage = "BG0615";
    public const string ImageClash = "BG0616";
    // Source texts
    public const string UnsupportedSourceFormat = "BG0401";
    public const string SourceNotText = "BG0402";
    public const string PdfNoTextLayer = "BG0403";
    public const string PdfUnreadable = "BG0404";
    public const string HtmlNoMainContent = "BG0405";
    public const string Sha256Mismatch = "BG0406";
}
