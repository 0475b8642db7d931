using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PagingServer.Testing;

/// <summary>
/// kamailio on 127.0.0.1 as registrar (digest with a password held in the config,
/// pv_www_authenticate; usrloc in memory) and record-routing proxy relaying calls to registered
/// contacts, and only to contacts on 127.0.0.0/8: a test never sends a call off the box. With
/// <c>challengeInvites</c> it is also a PBX that wants callers to authenticate (407, RFC 3261
/// 22.3), with the same password for every user.
/// </summary>
public sealed class KamailioRegistrar : IDisposable
{
    private readonly RunningProcess _process;
    private readonly TempDirectory _dir;

    private KamailioRegistrar(RunningProcess process, TempDirectory dir, IPEndPoint endPoint)
    {
        _process = process;
        _dir = dir;
        EndPoint = endPoint;
    }

    public IPEndPoint EndPoint { get; }

    public string Domain => $"127.0.0.1:{EndPoint.Port.ToString(CultureInfo.InvariantCulture)}";

    public string Log => _process.Output;

    public static KamailioRegistrar Start(string password, string algorithm = "MD5", bool challengeInvites = false)
    {
        string inviteAuth = challengeInvites
            ? $$"""if (!pv_proxy_authenticate("$fd", "{{password}}", "0")) { proxy_challenge("$fd", "1"); exit; } consume_credentials();"""
            : "";
        string exe = Tool.Require("kamailio", "kamailio");
        var dir = new TempDirectory();
        int port = FreePort.Udp();
        string cfg = dir.Write("kamailio.cfg", $$"""
            #!KAMAILIO
            debug=2
            log_stderror=yes
            children=1
            listen=udp:127.0.0.1:{{port}}
            mpath="/usr/lib/x86_64-linux-gnu/kamailio/modules/"
            loadmodule "tm.so"
            loadmodule "sl.so"
            loadmodule "rr.so"
            loadmodule "pv.so"
            loadmodule "maxfwd.so"
            loadmodule "siputils.so"
            loadmodule "usrloc.so"
            loadmodule "registrar.so"
            loadmodule "auth.so"
            loadmodule "xlog.so"
            loadmodule "textops.so"
            modparam("usrloc", "db_mode", 0)
            modparam("auth", "algorithm", "{{algorithm}}")
            request_route {
                if (!mf_process_maxfwd_header("10")) { sl_send_reply("483", "Too Many Hops"); exit; }
                if (has_totag()) {
                    if (loose_route()) { t_relay(); exit; }
                    if (is_method("ACK")) { if (t_check_trans()) { t_relay(); } exit; }
                    sl_send_reply("404", "Not here");
                    exit;
                }
                if (is_method("CANCEL")) { if (t_check_trans()) { t_relay(); } exit; }
                if (is_method("REGISTER")) {
                    if (!pv_www_authenticate("$td", "{{password}}", "0")) { www_challenge("$td", "1"); exit; }
                    xlog("L_NOTICE", "REGISTER ok from $si:$sp expires $hdr(Expires)\n");
                    save("location");
                    exit;
                }
                if (!is_method("INVITE")) { sl_send_reply("405", "Method Not Allowed"); exit; }
                {{inviteAuth}}
                if (!lookup("location")) { sl_send_reply("404", "Not Found"); exit; }
                if (!($rd =~ "^127[.]")) { sl_send_reply("403", "Loopback Only"); exit; }
                record_route();
                t_relay();
            }
            """);
        var process = new RunningProcess(exe, ["-f", cfg, "-DD", "-E", "-Y", dir.Path, "-m", "32", "-M", "4"]);
        var k = new KamailioRegistrar(process, dir, new IPEndPoint(IPAddress.Loopback, port));
        k.WaitReady();
        return k;
    }

    // Any answer to an OPTIONS probe means kamailio listens.
    private void WaitReady()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        probe.ReceiveTimeout = 200;
        int local = ((IPEndPoint)probe.LocalEndPoint!).Port;
        byte[] buffer = new byte[4096];
        var end = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < end)
        {
            string options = string.Create(CultureInfo.InvariantCulture,
                $"OPTIONS sip:probe@{Domain} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{local};branch=z9hG4bK{Guid.NewGuid():N}\r\nMax-Forwards: 70\r\n"
                + $"From: <sip:probe@127.0.0.1>;tag=p\r\nTo: <sip:probe@{Domain}>\r\nCall-ID: {Guid.NewGuid():N}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
            probe.SendTo(Encoding.ASCII.GetBytes(options), EndPoint);
            try
            {
                if (probe.Receive(buffer) > 0)
                {
                    return;
                }
            }
            catch (SocketException)
            {
                // Not up yet.
            }
        }
        Assert.Fail("kamailio did not answer within 15 s:\n" + Log);
    }

    public void Dispose()
    {
        _process.Dispose();
        _dir.Dispose();
    }
}
