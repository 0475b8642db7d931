using System.Net;
using PagingServer.Audio;
using PagingServer.Configuration;
using PagingServer.Jack;
using PagingServer.Logging;
using PagingServer.Media.Rtp;
using PagingServer.Sip;

namespace PagingServer.Paging;

/// <summary>
/// The paging policy over SIP: every offered call becomes a page (or waits its turn with
/// `hold-concurrent = yes`), is answered when the sequencer says, plays into its own JACK call
/// ring through an RTP session, and is hung up after `hang-up-after-minutes`. Runs on the SIP
/// agent's thread: every handler here is raised there, and timers post back to it.
/// </summary>
internal sealed partial class PagingCalls
{
    private readonly SipAgent agent;
    private readonly JackEngine jack;
    private readonly PageSequencer pages;
    private readonly PagingOptions options;
    private readonly Log log;
    private readonly TimeProvider time;
    private readonly RtpPortAllocator ports;
    private readonly Dictionary<string, Page> active = [];
    private readonly List<SipCall> waiting = [];

    public PagingCalls(SipAgent agent, JackEngine jack, IPageAudio audio, PagingOptions options, Log log, TimeProvider time)
    {
        this.agent = agent;
        this.jack = jack;
        this.options = options;
        this.log = log;
        this.time = time;
        pages = new PageSequencer(audio, PageTiming.From(options.Audio), time, work => agent.Loop.Post(work));
        ports = new RtpPortAllocator(options.Sip.RtpPortMin, options.Sip.RtpPortMax, IPAddress.Parse(options.Sip.ListenAddress));
        agent.CallOffered += OnOffered;
        agent.CallEnded += OnEnded;
        agent.CallSessionChanged += OnSessionChanged;
    }

    /// <summary>Pages in progress (answered or waiting for their klaxon); for the status line.</summary>
    public int LivePages => pages.LivePages;

    private void OnOffered(SipCall call)
    {
        if (options.Calls.HoldConcurrent && active.Count > 0)
        {
            waiting.Add(call);
            log.Info($"{call}: waiting, ringing, until the current page ends ({waiting.Count} waiting)");
            return;
        }
        StartPage(call);
    }

    private void StartPage(SipCall call)
    {
        if (CallSettings.Codec(call.Codec) is not { } codec)
        {
            call.Reject(488);
            return;
        }
        RtpSocketPair? sockets = ports.TryAllocate();
        CallStream? stream = sockets is null ? null : jack.OpenCallStream();
        if (sockets is null || stream is null)
        {
            sockets?.Dispose();
            log.Warning($"{call}: no {(sockets is null ? "RTP port" : "mixer slot")} free; busy");
            call.Reject(486);
            return;
        }
        var page = new Page(call, codec, sockets, stream);
        active.Add(call.CallId, page);
        log.Notice($"{call}: page starts ({call.Codec.EncodingName})");
        pages.Start(call.CallId, () => Answer(page));
        PagesChanged?.Invoke();
    }

    private void OnEnded(SipCall call, SipCallEndReason reason)
    {
        if (waiting.Remove(call))
            return;
        if (!active.Remove(call.CallId, out Page? page))
            return;
        pages.End(call.CallId);
        page.HangUpTimer?.Dispose();
        CallQuality? quality = page.Session?.Stop();
        long underruns = page.Stream.Underruns, overruns = page.Stream.Overruns;
        page.Sockets.Dispose();
        page.Stream.Dispose();
        log.Notice($"{call}: page ended ({reason}){(quality is null ? "" : $"; {quality}")}; mixer ring underruns {underruns}, overruns {overruns}");
        PagesChanged?.Invoke();
        if (active.Count == 0 && waiting.Count > 0)
        {
            SipCall next = waiting[0];
            waiting.RemoveAt(0);
            StartPage(next);
        }
    }

    private void OnSessionChanged(SipCall call, SipSessionChange change)
    {
        if (!active.TryGetValue(call.CallId, out Page? page))
            return;
        if (change.HoldChanged)
        {
            // A held caller's line carries music on hold or silence; neither belongs on the PA.
            page.OnHold = call.OnHold;
            page.Stream.Gain = call.OnHold ? 0f : jack.CallLevel;
            log.Info($"{call}: {(call.OnHold ? "on hold, muted" : "resumed")}");
        }
        if (page.Session is not { } session)
            return; // not answered yet: Answer reads the call's current address
        if (change.MediaMoved && IPAddress.TryParse(call.RemoteRtpAddress, out IPAddress? address))
        {
            // The caller's audio now comes from elsewhere (a transfer behind a B2BUA, a
            // re-routed media relay): accept it there, and no longer from the old address.
            session.UpdatePeer(new IPEndPoint(address, call.RemoteRtpPort));
            log.Info($"{call}: audio now from {address}:{call.RemoteRtpPort}");
        }
        if (change.NewDescription || change.MediaMoved)
        {
            // RFC 3264 8: a new description may start a new stream with its own SSRC and
            // sequence space; follow it once rather than refusing it as foreign.
            session.ExpectNewSsrc();
        }
    }

    /// <summary>After a reload changed volume-call: live pages take the new level (held ones stay muted).</summary>
    public void ApplyCallLevel()
    {
        foreach (Page page in active.Values)
        {
            if (!page.OnHold)
                page.Stream.Gain = jack.CallLevel;
        }
    }

    /// <summary>Raised on the SIP thread when a page starts or ends, for the status line.</summary>
    public event Action? PagesChanged;

    /// <summary>Hangs up every call (shutdown); the agent sends the BYEs.</summary>
    public void HangUpAll()
    {
        foreach (SipCall call in waiting)
            call.Hangup();
        foreach (Page page in active.Values)
            page.Call.Hangup();
    }
}
