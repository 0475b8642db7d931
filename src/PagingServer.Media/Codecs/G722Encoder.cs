namespace PagingServer.Media.Codecs;

/// <summary>
/// ITU-T G.722 encoder, 64 kbit/s mode: 16 kHz audio in, one byte per two samples out.
/// Written from the Recommendation (transmit QMF, section 3.2; sub-band ADPCM, 3.3-3.6).
/// The state carries across calls, so one instance serves one stream.
/// </summary>
public sealed class G722Encoder
{
    private readonly int[] qmfHistory = new int[24];
    private G722Band low = G722Band.Create(low: true);
    private G722Band high = G722Band.Create(low: false);

    /// <summary>Encodes pairs of 16 kHz samples (an odd last sample is ignored); returns the
    /// number of bytes written (limited by <paramref name="payload"/>).</summary>
    public int Encode(ReadOnlySpan<float> pcm, Span<byte> payload)
    {
        int n = Math.Min(pcm.Length / 2, payload.Length);
        for (int j = 0; j < n; j++)
        {
            payload[j] = EncodePair(SampleConvert.ToInt16(pcm[2 * j]), SampleConvert.ToInt16(pcm[(2 * j) + 1]));
        }

        return n;
    }

    private byte EncodePair(int first, int second)
    {
        // Transmit QMF (3.2): the newest input sits at the end of the 24-sample history;
        // odd positions form xA, even positions xB. Both polyphase halves have a DC gain of
        // 2^12, so >> 14 leaves the 15-bit sub-band signals the ADPCM expects from 16-bit input.
        int[] x = qmfHistory;
        Array.Copy(x, 2, x, 0, 22);
        x[22] = first;
        x[23] = second;
        ReadOnlySpan<int> h = G722Tables.Qmf;
        int sumOdd = 0;
        int sumEven = 0;
        for (int i = 0; i < 24; i += 2)
        {
            sumEven += x[i] * h[i];
            sumOdd += x[i + 1] * h[i + 1];
        }

        int xLow = (sumOdd + sumEven) >> 14;
        int xHigh = (sumOdd - sumEven) >> 14;

        int codeLow = EncodeLow(xLow);
        int codeHigh = EncodeHigh(xHigh);
        return (byte)((codeHigh << 6) | codeLow);
    }

    private int EncodeLow(int xLow)
    {
        // SUBTRA + QUANTL (3.3): find the decision interval of |el| scaled by DETL.
        int el = G722Band.Sat(xLow - low.S);
        int wd = el >= 0 ? el : -(el + 1);
        ReadOnlySpan<int> levels = G722Tables.LowDecision;
        int i = 1;
        while (i < 30 && wd >= (levels[i] * low.Det) >> 12)
        {
            i++;
        }

        int code = el < 0 ? G722Tables.LowCodeNegative[i] : G722Tables.LowCodePositive[i];

        // INVQAL uses only the 4 most significant bits, so the decoder can drop bits (3.4).
        int code4 = code >> 2;
        int dLow = (low.Det * G722Tables.InverseQ4[code4]) >> 15;
        low.AdaptLow(code4);
        low.Predict(dLow);
        return code;
    }

    private int EncodeHigh(int xHigh)
    {
        // SUBTRA + QUANTH (3.3): two levels each side of zero.
        int eh = G722Band.Sat(xHigh - high.S);
        int wd = eh >= 0 ? eh : -(eh + 1);
        bool outer = wd >= (564 * high.Det) >> 12;
        int code = eh < 0 ? (outer ? 0 : 1) : (outer ? 2 : 3);

        int dHigh = (high.Det * G722Tables.InverseQ2[code]) >> 15;
        high.AdaptHigh(code);
        high.Predict(dHigh);
        return code;
    }
}
