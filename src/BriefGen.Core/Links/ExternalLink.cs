using BriefGen.Diagnostics;

namespace BriefGen.Links;

/// <summary>An http(s) address written in the brief, and where it is written.</summary>
public sealed record ExternalLink(string Url, Location At);

/// <summary>What asking an address found: alive, dead (an HTTP error status) or unreachable (timeout, refused, no such host).</summary>
public sealed record LinkStatus(LinkState State, int? StatusCode, string Detail)
{
    public static LinkStatus Alive(int status) => new(LinkState.Alive, status, "");
}

/// <summary>The outcome of checking one address.</summary>
public enum LinkState
{
    Alive,
    Dead,
    Unreachable,

    /// <summary>The server would not say now (429 Too Many Requests): neither reported nor cached.</summary>
    Unknown,
}
