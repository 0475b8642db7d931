using System.Net;
using System.Net.Sockets;
using PagingServer.Media.Codecs;

namespace PagingServer.Media.Rtp;

/// <summary>
/// The media of one call: receives RTP from the negotiated peer on a dedicated thread,
/// feeds a <see cref="CallAudioPipeline"/>, sends RTCP receiver reports, and reports when
/// the peer falls silent for rtp-timeout. Create it when the call is answered, <see cref="Start"/>
/// it, <see cref="Stop"/> it at hang-up to get the call's <see cref="CallQuality"/>.
/// </summary>
public sealed partial class RtpSession : IDisposable
{
    private readonly RtpSocketPair sockets;
    private readonly CallAudioPipeline pipeline;
    private readonly CallMediaOptions options;
    private readonly TimeProvider time;
    private readonly Action? timedOut;
    private readonly Thread thread;
    private readonly Lock gate = new();
    private SocketAddress peerRtp;
    private SocketAddress peerRtcp;
    private ITimer? timeoutTimer;
    private long lastPacketTimestamp;
    private volatile bool stopping;
    private volatile bool expectNewSsrc;
    private volatile bool peerChanged;
    private IPEndPoint pendingPeer;
    private int timeoutReported;
    private bool started;
    private CallQuality? finalQuality;

    /// <summary>Creates the session over an allocated socket pair (which it then owns).</summary>
    /// <param name="sockets">From <see cref="RtpPortAllocator.TryAllocate"/>.</param>
    /// <param name="peer">RTP address and port from the peer's SDP (c= and m= lines).</param>
    /// <param name="codec">The negotiated codec.</param>
    /// <param name="outputRate">The JACK server's sample rate.</param>
    /// <param name="sink">Where the call's audio goes.</param>
    /// <param name="options">Shared media settings.</param>
    /// <param name="time">Clock for arrival times, RTCP intervals and the timeout.</param>
    /// <param name="telephoneEvents">Called on the receive thread for each DTMF start and end.</param>
    /// <param name="timedOut">Called once, on a timer thread, when no packet came for rtp-timeout.</param>
    public RtpSession(
        RtpSocketPair sockets, IPEndPoint peer, CodecDescription codec, int outputRate, IAudioSink sink,
        CallMediaOptions options, TimeProvider time, Action<TelephoneEventReport>? telephoneEvents = null, Action? timedOut = null)
    {
        ArgumentNullException.ThrowIfNull(sockets);
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        this.sockets = sockets;
        this.options = options;
        this.time = time;
        this.timedOut = timedOut;
        try
        {
            pipeline = new CallAudioPipeline(codec, outputRate, sink, options, time, telephoneEvents);
        }
        catch
        {
            sockets.Dispose();
            throw;
        }

        pendingPeer = peer;
        peerRtp = peer.Serialize();
        peerRtcp = new IPEndPoint(peer.Address, peer.Port + 1).Serialize();
        LocalSsrc = (uint)Random.Shared.NextInt64(1, uint.MaxValue);
        thread = new Thread(ReceiveLoop) { IsBackground = true, Name = $"rtp:{sockets.Port}" };
    }

    /// <summary>Local RTP port (for SDP).</summary>
    public int LocalPort => sockets.Port;

    /// <summary>Our SSRC in RTCP.</summary>
    public uint LocalSsrc { get; }

    /// <summary>SSRC the session is locked to, 0 before the first packet.</summary>
    public uint RemoteSsrc => (uint)Volatile.Read(ref remoteSsrc);

    /// <summary>Datagrams dropped for coming from another address or SSRC, or not being RTP.</summary>
    public long Rejected => Volatile.Read(ref rejected);

    /// <summary>What ended the receive thread early (a bug), or null.</summary>
    public Exception? Fault => Volatile.Read(ref fault);

    /// <summary>Receiver reports sent.</summary>
    public long ReportsSent => Volatile.Read(ref reportsSent);

    /// <summary>Starts the receive thread and the timeout timer.</summary>
    public void Start()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(finalQuality is not null, this);
            if (started)
            {
                return;
            }

            started = true;
            Volatile.Write(ref lastPacketTimestamp, time.GetTimestamp());
            if (options.RtpTimeout > TimeSpan.Zero && options.RtpTimeout != Timeout.InfiniteTimeSpan)
            {
                // Checked ten times per timeout: reported at most 10 % late.
                TimeSpan check = options.RtpTimeout / 10;
                timeoutTimer = time.CreateTimer(_ => CheckTimeout(), null, check, check);
            }

            thread.Start();
        }
    }

    /// <summary>
    /// Before <see cref="Start"/>: also accept the stream from <paramref name="other"/> (the
    /// address the call's signalling came from, with the SDP's port) until the first packet
    /// decides which of the two the caller really sends from.
    /// </summary>
    public void AlsoAcceptFrom(IPEndPoint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        alternateAddress = other.Address;
        alternatePort = other.Port;
        alternatePeer = other.Serialize();
    }

    private SocketAddress? alternatePeer;
    private IPAddress? alternateAddress;
    private int alternatePort;

    /// <summary>After a re-INVITE: the next packet from the peer may carry a new SSRC; the
    /// session then follows it (new sequence space, fresh buffer).</summary>
    public void ExpectNewSsrc() => expectNewSsrc = true;

    /// <summary>After a re-INVITE that moved the peer: accept RTP from this address instead.</summary>
    public void UpdatePeer(IPEndPoint peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        lock (gate)
        {
            pendingPeer = peer;
            peerChanged = true;
        }
    }

    /// <summary>Stops receiving, closes the sockets and returns the call's figures. Safe to call twice.</summary>
    public CallQuality Stop()
    {
        lock (gate)
        {
            if (finalQuality is not null)
            {
                return finalQuality;
            }

            stopping = true;
            timeoutTimer?.Dispose();
            if (started)
            {
                thread.Join();
            }

            sockets.Dispose();
            finalQuality = pipeline.Quality(timedOut: timeoutReported != 0);
            pipeline.Dispose();
            return finalQuality;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Stop();

    private void CheckTimeout()
    {
        if (stopping || time.GetElapsedTime(Volatile.Read(ref lastPacketTimestamp)) < options.RtpTimeout)
        {
            return;
        }

        if (Interlocked.Exchange(ref timeoutReported, 1) == 0)
        {
            timedOut?.Invoke();
        }
    }
}
