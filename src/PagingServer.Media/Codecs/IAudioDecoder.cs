namespace PagingServer.Media.Codecs;

/// <summary>
/// One stream's decoder. Decoders may hold state (G.722 ADPCM, Opus), so packets must be
/// given in order, one instance per stream. Methods never throw for bad input and never
/// allocate.
/// </summary>
public interface IAudioDecoder : IDisposable
{
    /// <summary>Rate of the decoded audio in Hz.</summary>
    int SampleRate { get; }

    /// <summary>True when <see cref="Conceal"/> synthesises audio itself (Opus); otherwise the
    /// caller conceals from the decoded history.</summary>
    bool ConcealsLoss { get; }

    /// <summary>Decodes one RTP payload; returns the number of mono samples written, or a
    /// negative value when the payload is malformed (nothing written).</summary>
    int Decode(ReadOnlySpan<byte> payload, Span<float> pcm);

    /// <summary>Produces <paramref name="pcm"/>.Length samples in place of lost audio and
    /// returns the count written (0 when the codec has no concealment of its own).</summary>
    int Conceal(Span<float> pcm);
}

/// <summary>Creates the decoder for a negotiated codec.</summary>
public static class AudioDecoders
{
    /// <summary>Returns a new decoder; Opus needs libopus.so.0 and throws
    /// <see cref="DllNotFoundException"/> at start-up when it is missing.</summary>
    public static IAudioDecoder Create(CodecDescription codec) => codec.Codec switch
    {
        AudioCodec.Pcmu => new G711Decoder(aLaw: false),
        AudioCodec.Pcma => new G711Decoder(aLaw: true),
        AudioCodec.G722 => new G722Decoder(),
        AudioCodec.Opus => new OpusDecoder(codec.SampleRate),
        _ => throw new ArgumentOutOfRangeException(nameof(codec), codec.Codec, "unknown codec"),
    };
}
