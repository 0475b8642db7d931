namespace PagingServer.Media.Klaxon;

/// <summary>The sample-rate converter library used for the klaxon.</summary>
public enum KlaxonResampler
{
    /// <summary>libsamplerate when it loads, otherwise speexdsp.</summary>
    Auto = 0,

    /// <summary>libsamplerate (<c>libsamplerate.so.0</c>) at SRC_SINC_BEST_QUALITY.</summary>
    LibSampleRate = 1,

    /// <summary>speexdsp (<c>libspeexdsp.so.1</c>) at quality 10.</summary>
    SpeexDsp = 2,
}
