using System.Net;
using System.Net.Sockets;
using PagingServer.Sip.Message;

namespace PagingServer.Sip.Transport;

/// <summary>One TCP connection: a reader thread framing messages (RFC 3261 18.3) and locked sends.</summary>
public sealed class TcpSipConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly Action<SipPacket> _onReceive;
    private readonly Action<SipLogLevel, string> _log;
    private readonly Action<TcpSipConnection> _onClosed;
    private readonly Lock _sendLock = new();

    internal TcpSipConnection(Socket socket, IPEndPoint remote, Action<SipPacket> onReceive,
        Action<SipLogLevel, string> log, Action<TcpSipConnection> onClosed)
    {
        _socket = socket;
        Remote = remote;
        _onReceive = onReceive;
        _log = log;
        _onClosed = onClosed;
    }

    /// <summary>The peer's address and port.</summary>
    public IPEndPoint Remote { get; }

    internal void Start() => new Thread(ReadLoop) { IsBackground = true, Name = "sip-tcp-rx" }.Start();

    private void ReadLoop()
    {
        byte[] buffer = new byte[SipMessage.MaxMessageBytes + 1];
        int filled = 0;
        try
        {
            while (true)
            {
                int n = _socket.Receive(buffer.AsSpan(filled), SocketFlags.None);
                if (n <= 0)
                {
                    return;
                }
                filled += n;
                if (!Deliver(buffer, ref filled))
                {
                    _log(SipLogLevel.Warning, $"TCP from {Remote}: unframeable stream, closing (RFC 3261 18.3)");
                    return;
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Peer closed or we are stopping.
        }
        finally
        {
            _onClosed(this);
            _socket.Dispose();
        }
    }

    // Cuts every complete message out of the buffer and moves the rest to the front.
    private bool Deliver(byte[] buffer, ref int filled)
    {
        int consumed = 0;
        while (true)
        {
            var frame = SipStreamFramer.Frame(buffer.AsSpan(consumed, filled - consumed));
            if (frame.Status == SipFrameStatus.NeedMore)
            {
                break;
            }
            if (frame.Status == SipFrameStatus.BadFraming)
            {
                return false;
            }
            if (frame.Status == SipFrameStatus.KeepAlive)
            {
                // RFC 5626 3.5.1: a double CRLF ping gets a single CRLF pong.
                if (frame.Skip >= 4)
                {
                    Send("\r\n"u8);
                }
                consumed += frame.Skip;
                continue;
            }
            _onReceive(new SipPacket(buffer.AsSpan(consumed + frame.Skip, frame.Length), Remote, SipTransportKind.Tcp));
            consumed += frame.Skip + frame.Length;
        }
        if (consumed > 0)
        {
            buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
            filled -= consumed;
        }
        // A full buffer without a complete message cannot be a valid message (RFC 3261 21.5.14 bound).
        return filled < buffer.Length;
    }

    /// <summary>Sends the whole message; false when the connection failed.</summary>
    public bool Send(ReadOnlySpan<byte> message)
    {
        try
        {
            lock (_sendLock)
            {
                while (!message.IsEmpty)
                {
                    int n = _socket.Send(message, SocketFlags.None);
                    message = message[n..];
                }
            }
            return true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            _log(SipLogLevel.Warning, $"TCP send to {Remote} failed: {e.Message}");
            return false;
        }
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }
        _socket.Dispose();
    }
}
