using System.Net;
using System.Net.Sockets;
using PagingServer.Bench.Jack;
using PagingServer.Bench.Peers;
using PagingServer.Bench.Sip;

namespace PagingServer.Bench;

/// <summary>
/// One G.711 call at a time, placed straight at the endpoint, dated on JACK's clock against
/// what the speaker got: INVITE to 180 and to 200; for the pager, INVITE to the klaxon's first
/// sample and the klaxon's last sample to the 200; RTP arrival to speaker for every 1 kHz burst;
/// CPU (share of one core) and memory while the call's audio plays.
/// </summary>
internal static class CallBench
{
    public const string Group = "Call set-up and audio path (one PCMU call at a time)";
    private static readonly TimeSpan Talk = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(1);

    public static void Run(IEndpoint endpoint, SpeakerProbe probe, int runs, Figures figures)
    {
        for (int run = 0; run < runs; run++)
        {
            using var rtp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            rtp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            probe.StartRecording();
            Thread.Sleep(200);
            using var uac = new SipUac(endpoint.Sip, endpoint.User);
            bool answered;
            try
            {
                answered = uac.Invite(((IPEndPoint)rtp.LocalEndPoint!).Port);
            }
            catch (SocketException e)
            {
                throw new InvalidOperationException($"{endpoint.Name} did not answer the benchmark's call ({e.Message}):\n{Tail(endpoint.Log)}", e);
            }
            if (!answered)
                throw new InvalidOperationException($"{endpoint.Name} refused the benchmark's call:\n{Tail(endpoint.Log)}");

            var bursts = new RtpBursts();
            double cpuBefore = ProcStats.CpuSeconds(endpoint.Pid);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            bursts.Send(rtp, uac.Media!, Talk, Lead);
            double cpu = (ProcStats.CpuSeconds(endpoint.Pid) - cpuBefore) / clock.Elapsed.TotalSeconds * 100;
            figures.Add("RssAnon during a page", ProcStats.StatusKib(endpoint.Pid, "RssAnon"));
            figures.Add("PSS during a page, without shared memory", ProcStats.OwnPssKib(endpoint.Pid));
            figures.Add("RssShmem during a page (JACK's shared segment)", ProcStats.StatusKib(endpoint.Pid, "RssShmem"));
            figures.Add("CPU during one G.711 page", cpu);
            uac.Bye();
            Thread.Sleep(300);
            Recording heard = probe.StopRecording();

            figures.Add("INVITE to 180 Ringing", (uac.RingingUsec - uac.InviteSentUsec) / 1000.0);
            figures.Add("INVITE to 200 OK", (uac.OkUsec - uac.InviteSentUsec) / 1000.0);
            if (endpoint.HasKlaxon)
            {
                int first = heard.FirstLoud(uac.InviteSentUsec, uac.OkUsec + 200_000, 0.01f);
                int last = first < 0 ? -1 : heard.LastLoud(first, bursts.BurstSentUsec[0], 0.01f);
                if (first < 0 || last < 0)
                    throw new InvalidOperationException($"no klaxon at the speaker for {endpoint.Name}");
                figures.Add("INVITE to the klaxon's first sample at the speaker", (heard.TimeOf(first) - uac.InviteSentUsec) / 1000.0);
                figures.Add("klaxon's last sample to 200 OK", (uac.OkUsec - heard.TimeOf(last)) / 1000.0);
            }
            foreach (long sent in bursts.BurstSentUsec)
            {
                int at = heard.FirstLoud(sent, sent + 400_000, 0.02f);
                if (at >= 0)
                    figures.Add("RTP arrival to speaker", (heard.TimeOf(at) - sent) / 1000.0);
                else
                    figures.Add("RTP bursts not heard within 400 ms", 1);
            }
        }
    }

    public static string Tail(string log) => string.Join('\n', log.Split('\n').TakeLast(60));
}
