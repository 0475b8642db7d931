using PagingServer.Jack;
using PagingServer.Media.Rtp;

namespace PagingServer.Audio;

/// <summary>A call's decoded audio into its JACK call ring (written by the call's RTP thread only).</summary>
internal sealed class CallStreamSink(CallStream stream) : IAudioSink
{
    public int Buffered => stream.Buffered;

    public int Write(ReadOnlySpan<float> samples) => stream.Write(samples);
}
