using System.Globalization;
using PagingServer.Media.Codecs;

namespace PagingServer.Media.Rtp;

/// <summary>One call's media figures at hang-up, logged as one line.</summary>
/// <param name="Codec">Codec received.</param>
/// <param name="Duration">From the first packet to the end.</param>
/// <param name="Packets">RTP packets of the call's stream received.</param>
/// <param name="Lost">Lost per RFC 3550 A.3 (expected minus received, never negative here).</param>
/// <param name="Late">Arrived after their play-out time.</param>
/// <param name="Duplicates">Second copies.</param>
/// <param name="JitterMs">RFC 3550 A.8 interarrival jitter at the end.</param>
/// <param name="ConcealedMs">Audio made up for lost or late packets.</param>
/// <param name="MeanBufferDelayMs">Mean time packets waited in the jitter buffer.</param>
/// <param name="TimedOut">The stream ended by rtp-timeout rather than by hang-up.</param>
public sealed record CallQuality(
    AudioCodec Codec, TimeSpan Duration, long Packets, long Lost, long Late, long Duplicates,
    double JitterMs, double ConcealedMs, double MeanBufferDelayMs, bool TimedOut)
{
    /// <summary>Loss as a percentage of expected packets.</summary>
    public double LossPercent => Packets + Lost == 0 ? 0 : 100.0 * Lost / (Packets + Lost);

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"codec={Codec} duration={Duration.TotalSeconds:F1}s packets={Packets} lost={Lost} ({LossPercent:F1}%) late={Late} dup={Duplicates} jitter={JitterMs:F1}ms concealed={ConcealedMs:F0}ms buffer={MeanBufferDelayMs:F1}ms{(TimedOut ? " timeout" : string.Empty)}");
}
