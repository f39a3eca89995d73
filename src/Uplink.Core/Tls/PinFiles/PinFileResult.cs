namespace Uplink.Tls.PinFiles;

/// <summary>The pin sets read from an app's file, and every problem found in it.</summary>
public sealed record PinFileResult(PinFileFormat Format, IReadOnlyList<PinSet> Sets, IReadOnlyList<PinFileError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
