namespace Uplink.Configuration;

/// <summary>Where an extracted value comes from.</summary>
public enum ExtractionSource
{
    /// <summary>A JSON path into the response body.</summary>
    Json,

    /// <summary>A response header, by name.</summary>
    Header,
}

/// <summary>Takes one value from a step's response into a named variable for later steps.</summary>
public sealed record Extraction(string Variable, ExtractionSource Source, string Path);
