namespace PagingServer.Media.Codecs;

/// <summary>
/// ITU-T G.722 decoder, 64 kbit/s mode (mode 1): one byte gives two 16 kHz samples.
/// Written from the Recommendation (sections 4.2-4.4, receive QMF 4.4).
/// </summary>
public sealed class G722Decoder : IAudioDecoder
{
    private readonly int[] qmfDiff = new int[12];
    private readonly int[] qmfSum = new int[12];
    private G722Band low = G722Band.Create(low: true);
    private G722Band high = G722Band.Create(low: false);

    /// <inheritdoc/>
    public int SampleRate => 16000;

    /// <inheritdoc/>
    public bool ConcealsLoss => false;

    /// <summary>Decodes bytes into 16 kHz floats; returns the number of samples written
    /// (two per byte, limited by <paramref name="pcm"/>).</summary>
    public int Decode(ReadOnlySpan<byte> payload, Span<float> pcm)
    {
        int n = Math.Min(payload.Length, pcm.Length / 2);
        for (int j = 0; j < n; j++)
        {
            DecodeByte(payload[j], out int first, out int second);
            pcm[2 * j] = first * (1f / 32768f);
            pcm[(2 * j) + 1] = second * (1f / 32768f);
        }

        return 2 * n;
    }

    /// <inheritdoc/>
    public int Conceal(Span<float> pcm) => 0;

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    /// <summary>Returns the decoder to its reset state (G.722 section 5.2).</summary>
    public void Reset()
    {
        Array.Clear(qmfDiff);
        Array.Clear(qmfSum);
        low = G722Band.Create(low: true);
        high = G722Band.Create(low: false);
    }

    private void DecodeByte(int code, out int first, out int second)
    {
        // Lower band: INVQBL with all 6 bits for the output (mode 1), INVQAL with the top 4
        // bits for the adaptation, identical to the encoder's.
        int codeLow = code & 0x3F;
        int rLow = low.S + ((low.Det * G722Tables.InverseQ6[codeLow]) >> 15);
        rLow = Math.Clamp(rLow, -16384, 16383);
        int code4 = codeLow >> 2;
        int dLow = (low.Det * G722Tables.InverseQ4[code4]) >> 15;
        low.AdaptLow(code4);
        low.Predict(dLow);

        int codeHigh = (code >> 6) & 3;
        int dHigh = (high.Det * G722Tables.InverseQ2[codeHigh]) >> 15;
        int rHigh = Math.Clamp(dHigh + high.S, -16384, 16383);
        high.AdaptHigh(codeHigh);
        high.Predict(dHigh);

        // Receive QMF (4.4): xd = rL - rH feeds the even coefficients, xs = rL + rH the odd
        // ones; 12 pairs of history, newest first.
        Array.Copy(qmfDiff, 0, qmfDiff, 1, 11);
        Array.Copy(qmfSum, 0, qmfSum, 1, 11);
        qmfDiff[0] = rLow - rHigh;
        qmfSum[0] = rLow + rHigh;
        ReadOnlySpan<int> h = G722Tables.Qmf;
        int even = 0;
        int odd = 0;
        for (int i = 0; i < 12; i++)
        {
            even += qmfDiff[i] * h[2 * i];
            odd += qmfSum[i] * h[(2 * i) + 1];
        }

        first = Math.Clamp(even >> 11, short.MinValue, short.MaxValue);
        second = Math.Clamp(odd >> 11, short.MinValue, short.MaxValue);
    }
}
