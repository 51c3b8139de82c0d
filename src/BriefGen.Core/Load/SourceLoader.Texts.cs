using System.Text.RegularExpressions;
using BriefGen.Diagnostics;
using BriefGen.Load.SourceTexts;
using BriefGen.Model;

namespace BriefGen.Load;

/// <summary>A source's own BriefGen fields, and reading its <c>text:</c> through the format's reader.</summary>
internal sealed partial class SourceLoader
{
    private SourceTextCache Cache => cache ??= new SourceTextCache(SourceTextCache.FolderFor(paths.Root));

    /// <summary>BriefGen's own fields of one source besides text and publish_text, as read.</summary>
    private sealed class OwnFields
    {
        public string? Sha256 { get; set; }

        public Location? Sha256At { get; set; }

        public string? ArchiveUrl { get; set; }

        public PartialDate? ArchiveDate { get; set; }
    }

    /// <summary>Reads sha256, archive_url or archive_date; false (after an error) when the value is wrong.</summary>
    private bool ReadOwnField(string key, string? value, Location where, OwnFields own)
    {
        if (value is null)
        {
            return false;
        }

        switch (key)
        {
            case "sha256":
                var hex = value.Trim();
                if (!Sha256Hex().IsMatch(hex))
                {
                    diagnostics.Error(where, DiagnosticCodes.WrongType,
                        "field 'sha256' of source has the wrong type: expected the file's SHA-256 as 64 hexadecimal digits (as `sha256sum FILE` prints it)");
                    return false;
                }

                own.Sha256 = hex.ToLowerInvariant();
                own.Sha256At = where;
                return true;
            case "archive_url":
                if (UrlPaths.IsUnsafe(value) || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    diagnostics.Error(where, DiagnosticCodes.UnsafeUrl, $"archive_url '{value}' must be an absolute http(s) address");
                    return false;
                }

                own.ArchiveUrl = value;
                return true;
            case "archive_date":
                if (!PartialDate.TryParse(value, out var date))
                {
                    diagnostics.Error(where, DiagnosticCodes.BadDate, $"'{value}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD");
                    return false;
                }

                own.ArchiveDate = date;
                return true;
            default:
                return true;
        }
    }

    /// <summary>Reads a source's text file by its format; an unreadable file or a wrong sha256 is an error, reported where it is named.</summary>
    private SourceText? ReadText(string id, string fullPath, string written, Location textAt, OwnFields own)
    {
        SourceTextFile file;
        try
        {
            file = SourceTextReaders.Default.Read(fullPath, paths.Relative(fullPath), Cache);
        }
        catch (IOException e)
        {
            diagnostics.Error(textAt, DiagnosticCodes.MissingFile, $"source '{id}': text file '{written}' cannot be read ({e.Message.TrimEnd('.')})");
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            diagnostics.Error(textAt, DiagnosticCodes.MissingFile, $"source '{id}': text file '{written}' cannot be read ({e.Message.TrimEnd('.')})");
            return null;
        }

        if (recordsInputs)
        {
            _hashes[fullPath] = file.Sha256;
        }

        if (own.Sha256 is { } expected && expected != file.Sha256)
        {
            diagnostics.Error(own.Sha256At ?? textAt, DiagnosticCodes.Sha256Mismatch,
                $"source '{id}': text file '{written}' has SHA-256 {file.Sha256}, not the {expected} that sha256: pins; the copy changed since it was checked — if the new copy is the right one, set sha256: {file.Sha256}");
        }

        if (file.Read.Text is null)
        {
            diagnostics.Error(textAt, file.Read.Code ?? DiagnosticCodes.SourceNotText, $"source '{id}': text file '{written}' {file.Read.Problem}");
        }

        return file.Read.Text;
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Hex();
}
