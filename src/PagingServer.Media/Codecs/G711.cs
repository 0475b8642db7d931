namespace PagingServer.Media.Codecs;

/// <summary>
/// ITU-T G.711 companding (µ-law and A-law) as pure functions over caller-owned spans.
/// Linear values are 16-bit; floats are that value divided by 32768.
/// </summary>
public static class G711
{
    private const int MuLawBias = 0x84;
    private const int MuLawClip = 32635;

    /// <summary>Expands one µ-law code to linear PCM (G.711 table 2a, scaled to 16 bits).</summary>
    public static short MuLawToLinear(byte code)
    {
        // Codes are sent inverted (G.711 section 3.2: "all character signal bits inverted").
        int u = ~code & 0xFF;
        int exponent = (u >> 4) & 7;
        int mantissa = u & 0x0F;
        int magnitude = (((mantissa << 3) + MuLawBias) << exponent) - MuLawBias;
        return (short)((u & 0x80) != 0 ? -magnitude : magnitude);
    }

    /// <summary>Compresses one linear sample to µ-law (segment search, bias 0x84).</summary>
    public static byte LinearToMuLaw(short sample)
    {
        int x = sample;
        int sign = 0;
        if (x < 0)
        {
            x = -x;
            sign = 0x80;
        }

        x = Math.Min(x, MuLawClip) + MuLawBias;
        // The biased magnitude lies in [2^7, 2^15): its top bit gives the segment.
        int exponent = 31 - int.LeadingZeroCount(x) - 7;
        int mantissa = (x >> (exponent + 3)) & 0x0F;
        return (byte)~(sign | (exponent << 4) | mantissa);
    }

    /// <summary>Expands one A-law code to linear PCM (G.711 table 1a, scaled to 16 bits).</summary>
    public static short ALawToLinear(byte code)
    {
        // Even bits are inverted on the line (G.711 section 2.3).
        int a = code ^ 0x55;
        int segment = (a >> 4) & 7;
        int mantissa = a & 0x0F;
        int magnitude = segment == 0
            ? (mantissa << 4) + 8
            : ((mantissa << 4) + 0x108) << (segment - 1);
        // In A-law a set sign bit means a positive value.
        return (short)((a & 0x80) != 0 ? magnitude : -magnitude);
    }

    /// <summary>Compresses one linear sample to A-law.</summary>
    public static byte LinearToALaw(short sample)
    {
        int x = sample;
        int mask = 0xD5;
        if (x < 0)
        {
            x = -x - 1;
            mask = 0x55;
        }

        // A-law works on 13-bit magnitudes: 0..4095.
        int m = x >> 3;
        int segment;
        int mantissa;
        if (m < 32)
        {
            segment = 0;
            mantissa = m >> 1;
        }
        else
        {
            segment = 31 - int.LeadingZeroCount(m) - 4;
            mantissa = (m >> segment) & 0x0F;
        }

        return (byte)(((segment << 4) | mantissa) ^ mask);
    }

    /// <summary>Decodes µ-law bytes into floats; returns the number of samples written
    /// (the smaller of the two lengths).</summary>
    public static int DecodeMuLaw(ReadOnlySpan<byte> payload, Span<float> pcm)
    {
        int n = Math.Min(payload.Length, pcm.Length);
        for (int i = 0; i < n; i++)
        {
            pcm[i] = MuLawToLinear(payload[i]) * (1f / 32768f);
        }

        return n;
    }

    /// <summary>Decodes A-law bytes into floats; returns the number of samples written.</summary>
    public static int DecodeALaw(ReadOnlySpan<byte> payload, Span<float> pcm)
    {
        int n = Math.Min(payload.Length, pcm.Length);
        for (int i = 0; i < n; i++)
        {
            pcm[i] = ALawToLinear(payload[i]) * (1f / 32768f);
        }

        return n;
    }

    /// <summary>Encodes floats in [-1, 1) as µ-law; returns the number of bytes written.</summary>
    public static int EncodeMuLaw(ReadOnlySpan<float> pcm, Span<byte> payload)
    {
        int n = Math.Min(payload.Length, pcm.Length);
        for (int i = 0; i < n; i++)
        {
            payload[i] = LinearToMuLaw(SampleConvert.ToInt16(pcm[i]));
        }

        return n;
    }

    /// <summary>Encodes floats in [-1, 1) as A-law; returns the number of bytes written.</summary>
    public static int EncodeALaw(ReadOnlySpan<float> pcm, Span<byte> payload)
    {
        int n = Math.Min(payload.Length, pcm.Length);
        for (int i = 0; i < n; i++)
        {
            payload[i] = LinearToALaw(SampleConvert.ToInt16(pcm[i]));
        }

        return n;
    }
}
