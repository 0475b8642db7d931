namespace PagingServer.Media.Codecs;

/// <summary>Audio codecs the media path decodes.</summary>
public enum AudioCodec
{
    /// <summary>G.711 µ-law, static payload type 0.</summary>
    Pcmu,

    /// <summary>G.711 A-law, static payload type 8.</summary>
    Pcma,

    /// <summary>G.722 at 64 kbit/s, static payload type 9.</summary>
    G722,

    /// <summary>Opus (RFC 7587), dynamic payload type.</summary>
    Opus,
}

/// <summary>A codec as negotiated in SDP: payload type and the rates it implies.</summary>
/// <param name="Codec">Which decoder to use.</param>
/// <param name="PayloadType">RTP payload type number (0-127).</param>
/// <param name="ClockRate">RTP timestamp rate in Hz: 8000 for G.722 although its audio is
/// 16 kHz (RFC 3551 section 4.5.2); 48000 for Opus (RFC 7587 section 4.1).</param>
/// <param name="SampleRate">Rate of the decoded audio in Hz.</param>
public readonly record struct CodecDescription(AudioCodec Codec, int PayloadType, int ClockRate, int SampleRate)
{
    /// <summary>PCMU/8000, payload type 0.</summary>
    public static CodecDescription Pcmu => new(AudioCodec.Pcmu, 0, 8000, 8000);

    /// <summary>PCMA/8000, payload type 8.</summary>
    public static CodecDescription Pcma => new(AudioCodec.Pcma, 8, 8000, 8000);

    /// <summary>G722/8000, payload type 9, 16 kHz audio.</summary>
    public static CodecDescription G722 => new(AudioCodec.G722, 9, 8000, 16000);

    /// <summary>opus/48000/2 on the given dynamic payload type, decoded to mono.</summary>
    public static CodecDescription Opus(int payloadType) => new(AudioCodec.Opus, payloadType, 48000, 48000);

    /// <summary>Audio samples per RTP timestamp unit (2 for G.722, otherwise 1).</summary>
    public int SamplesPerTick => SampleRate / ClockRate;
}
