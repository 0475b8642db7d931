namespace PagingServer.Media.Klaxon;

/// <summary>Interleaved float samples of a decoded source, at the source's own rate.</summary>
internal sealed record DecodedAudio(float[] Samples, int Frames, int Channels, int SampleRate, string Decoder);

internal enum DecodeStatus
{
    Ok,

    /// <summary>The decoder ran but does not know this file's format.</summary>
    Unsupported,

    /// <summary>The decoder itself (library or command) is not installed.</summary>
    DecoderMissing,

    /// <summary>The format is known but decoding failed.</summary>
    Failed,
}

internal readonly record struct DecodeOutcome(DecodeStatus Status, DecodedAudio? Audio, string Message)
{
    public static DecodeOutcome Ok(DecodedAudio audio) => new(DecodeStatus.Ok, audio, string.Empty);
}

/// <summary>How many source frames are worth decoding for a given length limit.</summary>
internal static class SourceLimit
{
    /// <summary>Frames past the cut kept as resampler context, so the cut region is filtered
    /// from real input rather than from the zero padding after end of input.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(100);

    public static long Frames(TimeSpan maxLength, int sampleRate) =>
        maxLength <= TimeSpan.Zero
            ? long.MaxValue
            : (long)Math.Ceiling((maxLength + Margin).TotalSeconds * sampleRate);
}
