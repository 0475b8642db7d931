using System.Net;

namespace PagingServer.Sip.Transactions;

/// <summary>What every transaction needs from its layer: the loop for timers, a way to send, and the transport's reliability.</summary>
public sealed class SipTransactionContext
{
    /// <summary>Creates a context.</summary>
    public SipTransactionContext(SipLoop loop, Func<byte[], IPEndPoint, bool> send, bool reliable, SipTimerSettings? timers = null)
    {
        Loop = loop ?? throw new ArgumentNullException(nameof(loop));
        SendBytes = send ?? throw new ArgumentNullException(nameof(send));
        Reliable = reliable;
        Timers = timers ?? SipTimerSettings.Default;
    }

    /// <summary>The loop that owns the transactions.</summary>
    public SipLoop Loop { get; }

    /// <summary>Sends bytes to a destination.</summary>
    public Func<byte[], IPEndPoint, bool> SendBytes { get; }

    /// <summary>True on TCP: retransmission timers are not started and wait timers are zero (RFC 3261 17).</summary>
    public bool Reliable { get; }

    /// <summary>T1, T2, T4.</summary>
    public SipTimerSettings Timers { get; }

    /// <summary>Called when a transaction reaches Terminated (the layer drops it from its table).</summary>
    public Action<SipTransaction>? Terminated { get; set; }
}
