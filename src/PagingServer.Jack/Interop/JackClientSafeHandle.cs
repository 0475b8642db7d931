using System.Runtime.InteropServices;

namespace PagingServer.Jack.Interop;

/// <summary>Owns one <c>jack_client_t</c>; closing it stops the client's threads.</summary>
internal sealed class JackClientSafeHandle : SafeHandle
{
    public JackClientSafeHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    internal static JackClientSafeHandle Open(string clientName, string? serverName, bool startServer, out JackStatus status)
    {
        var options = startServer ? JackOptions.JackNullOption : JackOptions.JackNoStartServer;
        if (!string.IsNullOrEmpty(serverName))
        {
            options |= JackOptions.JackServerName;
        }

        var raw = Libjack.jack_client_open(clientName, options, out status, string.IsNullOrEmpty(serverName) ? null : serverName);
        var h = new JackClientSafeHandle();
        h.SetHandle(raw);
        return h;
    }

    protected override bool ReleaseHandle() => Libjack.jack_client_close(handle) == 0;
}
