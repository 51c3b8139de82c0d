namespace BriefGen.Render;

/// <summary>One file of the generated site: its path under the output folder ('/' separators) and its bytes.</summary>
public sealed record OutputFile(string Path, byte[] Bytes);
