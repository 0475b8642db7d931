namespace PagingServer.Media.Codecs;

/// <summary>Constant tables of ITU-T G.722 (11/88), named after the spec's blocks.</summary>
internal static class G722Tables
{
    /// <summary>QMF coefficients h0..h23 (G.722 table 11), scaled by 2^13 overall.</summary>
    public static ReadOnlySpan<int> Qmf =>
    [
        3, -11, -11, 53, 12, -156, 32, 362, -210, -805, 951, 3876,
        3876, 951, -805, -210, 362, 32, -156, 12, 53, -11, -11, 3,
    ];

    /// <summary>Lower sub-band decision levels (table 14, QUANTL), scaled by 2^3 for DETL.</summary>
    public static ReadOnlySpan<int> LowDecision =>
    [
        0, 35, 72, 110, 150, 190, 233, 276, 323, 370, 422, 473, 530, 587, 650, 714,
        786, 858, 940, 1023, 1121, 1219, 1339, 1458, 1612, 1765, 1980, 2195, 2557, 2919,
    ];

    /// <summary>QUANTL output codes for negative differences, by interval index.</summary>
    public static ReadOnlySpan<byte> LowCodeNegative =>
    [
        0, 63, 62, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19,
        18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 0,
    ];

    /// <summary>QUANTL output codes for positive differences, by interval index.</summary>
    public static ReadOnlySpan<byte> LowCodePositive =>
    [
        0, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47,
        46, 45, 44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34, 33, 32, 0,
    ];

    /// <summary>INVQAL: 4-bit inverse quantizer used for adaptation (table 17).</summary>
    public static ReadOnlySpan<int> InverseQ4 =>
    [
        0, -20456, -12896, -8968, -6288, -4240, -2584, -1200,
        20456, 12896, 8968, 6288, 4240, 2584, 1200, 0,
    ];

    /// <summary>INVQBL in mode 1 (64 kbit/s): 6-bit inverse quantizer (table 17).</summary>
    public static ReadOnlySpan<int> InverseQ6 =>
    [
        -136, -136, -136, -136, -24808, -21904, -19008, -16704,
        -14984, -13512, -12280, -11192, -10232, -9360, -8576, -7856,
        -7192, -6576, -6000, -5456, -4944, -4464, -4008, -3576,
        -3168, -2776, -2400, -2032, -1688, -1360, -1040, -728,
        24808, 21904, 19008, 16704, 14984, 13512, 12280, 11192,
        10232, 9360, 8576, 7856, 7192, 6576, 6000, 5456,
        4944, 4464, 4008, 3576, 3168, 2776, 2400, 2032,
        1688, 1360, 1040, 728, 432, 136, -432, -136,
    ];

    /// <summary>INVQAH: higher sub-band 2-bit inverse quantizer (table 18).</summary>
    public static ReadOnlySpan<int> InverseQ2 => [-7408, -1616, 7408, 1616];

    /// <summary>LOGSCL: log scale factor multipliers, lower band (table 15).</summary>
    public static ReadOnlySpan<int> LowLogFactor => [-60, -30, 58, 172, 334, 538, 1198, 3042];

    /// <summary>Maps a 4-bit lower code to its LOGSCL row (magnitude index).</summary>
    public static ReadOnlySpan<byte> LowMagnitude => [0, 7, 6, 5, 4, 3, 2, 1, 7, 6, 5, 4, 3, 2, 1, 0];

    /// <summary>LOGSCH: log scale factor multipliers, higher band (table 16).</summary>
    public static ReadOnlySpan<int> HighLogFactor => [0, -214, 798];

    /// <summary>Maps a 2-bit higher code to its LOGSCH row.</summary>
    public static ReadOnlySpan<byte> HighMagnitude => [2, 1, 2, 1];

    /// <summary>SCALEL/SCALEH: antilog table, 2^(i/32) scaled by 2^11.</summary>
    public static ReadOnlySpan<int> AntiLog =>
    [
        2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
        2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008,
    ];
}
