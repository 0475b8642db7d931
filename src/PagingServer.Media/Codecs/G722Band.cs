namespace PagingServer.Media.Codecs;

/// <summary>
/// State of one G.722 sub-band ADPCM (G.722 section 3.6, blocks 3 and 4): scale factor
/// adaptation and the pole-zero predictor. The encoder and decoder run the same code.
/// </summary>
internal struct G722Band
{
    private G722History history;
    private int nb;

    /// <summary>Predicted signal estimate (SL/SH).</summary>
    public int S;

    /// <summary>Quantizer scale factor (DETL/DETH).</summary>
    public int Det;

    public static G722Band Create(bool low)
    {
        var band = default(G722Band);
        band.Det = low ? 32 : 8;
        return band;
    }

    /// <summary>LOGSCL + SCALEL: lower band scale factor update from the 4-bit code.</summary>
    public void AdaptLow(int code4)
    {
        int wd = (nb * 127) >> 7;
        nb = Math.Clamp(wd + G722Tables.LowLogFactor[G722Tables.LowMagnitude[code4]], 0, 18432);
        Det = Scale(nb, 8);
    }

    /// <summary>LOGSCH + SCALEH: higher band scale factor update from the 2-bit code.</summary>
    public void AdaptHigh(int code2)
    {
        int wd = (nb * 127) >> 7;
        nb = Math.Clamp(wd + G722Tables.HighLogFactor[G722Tables.HighMagnitude[code2]], 0, 22528);
        Det = Scale(nb, 10);
    }

    private static int Scale(int nabla, int offset)
    {
        int index = (nabla >> 6) & 31;
        int shift = offset - (nabla >> 11);
        int wd = shift < 0 ? G722Tables.AntiLog[index] << -shift : G722Tables.AntiLog[index] >> shift;
        return wd << 2;
    }

    /// <summary>Block 4: reconstruct, adapt the predictor with difference <paramref name="d"/>,
    /// and compute the next estimate <see cref="S"/>.</summary>
    public void Predict(int d)
    {
        ref G722History h = ref history;

        // RECONS and PARREC
        h.R0 = Sat(S + d);
        h.P0 = Sat(h.Sz + d);

        // UPPOL2: second pole coefficient
        int sg0 = h.P0 >> 15;
        int sg1 = h.P1 >> 15;
        int sg2 = h.P2 >> 15;
        int wd1 = Sat(h.A1 << 2);
        int wd2 = sg0 == sg1 ? -wd1 : wd1;
        wd2 = Math.Min(wd2, 32767);
        int wd3 = (sg0 == sg2 ? 128 : -128) + (wd2 >> 7) + ((h.A2 * 32512) >> 15);
        int ap2 = Math.Clamp(wd3, -12288, 12288);

        // UPPOL1: first pole coefficient, kept inside the stability triangle
        wd1 = sg0 == sg1 ? 192 : -192;
        wd2 = (h.A1 * 32640) >> 15;
        int ap1 = Sat(wd1 + wd2);
        int limit = Sat(15360 - ap2);
        ap1 = Math.Clamp(ap1, -limit, limit);

        // UPZERO: six zero coefficients
        int step = d == 0 ? 0 : 128;
        int sgd = d >> 15;
        Span<int> dl = h.D;
        Span<int> b = h.B;
        for (int i = 5; i >= 0; i--)
        {
            int sgi = dl[i] >> 15;
            int w = sgi == sgd ? step : -step;
            b[i] = Sat(w + ((b[i] * 32640) >> 15));
        }

        // DELAYA: shift the delay lines
        for (int i = 5; i > 0; i--)
        {
            dl[i] = dl[i - 1];
        }

        dl[0] = d;
        h.R2 = h.R1;
        h.R1 = h.R0;
        h.P2 = h.P1;
        h.P1 = h.P0;
        h.A2 = ap2;
        h.A1 = ap1;

        // FILTEP: pole section
        int sp = Sat(((h.A1 * Sat(h.R1 + h.R1)) >> 15) + ((h.A2 * Sat(h.R2 + h.R2)) >> 15));

        // FILTEZ: zero section
        int sz = 0;
        for (int i = 5; i >= 0; i--)
        {
            sz += (b[i] * Sat(dl[i] + dl[i])) >> 15;
        }

        h.Sz = Sat(sz);

        // PREDIC
        S = Sat(sp + h.Sz);
    }

    internal static int Sat(int x) => Math.Clamp(x, short.MinValue, short.MaxValue);
}

/// <summary>Delay lines of <see cref="G722Band"/>; the zero section holds six taps.</summary>
internal struct G722History
{
    public int R0, R1, R2, P0, P1, P2, A1, A2, Sz;
    public Taps6 D;
    public Taps6 B;
}

/// <summary>Six inline integers (no array per band).</summary>
[System.Runtime.CompilerServices.InlineArray(6)]
internal struct Taps6
{
    private int element;
}
