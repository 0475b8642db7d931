using System.Net;
using PagingServer.Audio;
using PagingServer.Jack;
using PagingServer.Media.Codecs;
using PagingServer.Media.Rtp;
using PagingServer.Sip;

namespace PagingServer.Paging;

internal sealed partial class PagingCalls
{
    private void Answer(Page page)
    {
        SipCall call = page.Call;
        if (!active.ContainsKey(call.CallId))
            return;
        if (!IPAddress.TryParse(call.RemoteRtpAddress, out IPAddress? address))
        {
            log.Warning($"{call}: the caller's audio address '{call.RemoteRtpAddress}' is not an IP address; hanging up");
            call.Hangup();
            return;
        }
        var media = CallSettings.Media(options, call.TelephoneEvent?.PayloadType ?? -1);
        page.Session = new RtpSession(page.Sockets, new IPEndPoint(address, call.RemoteRtpPort), page.Codec, jack.SampleRate,
            new CallStreamSink(page.Stream), media, time, timedOut: () => agent.Loop.Post(() => TimedOut(call)));
        if (!call.Source.Address.Equals(address))
            page.Session.AlsoAcceptFrom(new IPEndPoint(call.Source.Address, call.RemoteRtpPort));
        page.Session.Start();
        call.Answer(page.Sockets.Port);
        page.HangUpTimer = time.CreateTimer(_ => agent.Loop.Post(() => LongestPageReached(call)), null, options.Calls.HangUpAfter, Timeout.InfiniteTimeSpan);
        log.Notice($"{call}: answered, audio on port {page.Sockets.Port}");
    }

    private void TimedOut(SipCall call)
    {
        log.Warning($"{call}: no audio for {options.Sip.RtpTimeout.TotalSeconds:0} s; hanging up");
        call.Hangup();
    }

    private void LongestPageReached(SipCall call)
    {
        log.Notice($"{call}: {options.Calls.HangUpAfter.TotalMinutes:0.##} minutes reached (hang-up-after-minutes); hanging up");
        call.Hangup();
    }

    private sealed class Page(SipCall call, CodecDescription codec, RtpSocketPair sockets, CallStream stream)
    {
        public SipCall Call { get; } = call;

        public CodecDescription Codec { get; } = codec;

        public RtpSocketPair Sockets { get; } = sockets;

        public CallStream Stream { get; } = stream;

        public RtpSession? Session { get; set; }

        public ITimer? HangUpTimer { get; set; }

        public bool OnHold { get; set; }
    }
}
