namespace PagingServer.Media.Codecs;

/// <summary>Stateless G.711 decoding behind <see cref="IAudioDecoder"/>.</summary>
public sealed class G711Decoder(bool aLaw) : IAudioDecoder
{
    /// <inheritdoc/>
    public int SampleRate => 8000;

    /// <inheritdoc/>
    public bool ConcealsLoss => false;

    /// <inheritdoc/>
    public int Decode(ReadOnlySpan<byte> payload, Span<float> pcm) =>
        payload.Length > pcm.Length ? -1 : aLaw ? G711.DecodeALaw(payload, pcm) : G711.DecodeMuLaw(payload, pcm);

    /// <inheritdoc/>
    public int Conceal(Span<float> pcm) => 0;

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
