using System.Buffers;
using System.Net;

namespace PagingServer.Sip.Transport;

/// <summary>One received message (a datagram, or a frame cut from a stream) on its way to the SIP loop.</summary>
public sealed class SipPacket
{
    private byte[]? _buffer;

    /// <summary>Copies <paramref name="data"/> into a pooled buffer; call <see cref="Release"/> when done.</summary>
    public SipPacket(ReadOnlySpan<byte> data, IPEndPoint source, SipTransportKind transport)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(data.Length, 1));
        data.CopyTo(_buffer);
        Length = data.Length;
        Source = source;
        Transport = transport;
    }

    /// <summary>The bytes received.</summary>
    public ReadOnlySpan<byte> Data => _buffer is null ? default : _buffer.AsSpan(0, Length);

    /// <summary>Number of bytes.</summary>
    public int Length { get; }

    /// <summary>Where the bytes came from (the peer of the connection for TCP).</summary>
    public IPEndPoint Source { get; }

    /// <summary>The transport that received it.</summary>
    public SipTransportKind Transport { get; }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Release()
    {
        var b = _buffer;
        _buffer = null;
        if (b is not null)
        {
            ArrayPool<byte>.Shared.Return(b);
        }
    }
}
