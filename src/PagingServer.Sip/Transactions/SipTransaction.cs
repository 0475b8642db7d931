using System.Net;

namespace PagingServer.Sip.Transactions;

/// <summary>Common part of the four RFC 3261 17 state machines. Lives on the <see cref="SipLoop"/> thread only.</summary>
public abstract class SipTransaction
{
    private SipTimer? _retransmit;
    private SipTimer? _timeout;

    /// <summary>Creates a transaction identified by <paramref name="key"/> that sends to <paramref name="destination"/>.</summary>
    protected SipTransaction(SipTransactionContext context, string key, IPEndPoint destination)
    {
        Context = context ?? throw new ArgumentNullException(nameof(context));
        Key = key;
        Destination = destination;
    }

    /// <summary>The layer's services.</summary>
    protected SipTransactionContext Context { get; }

    /// <summary>Matching key (RFC 3261 17.1.3, 17.2.3).</summary>
    public string Key { get; }

    /// <summary>Where requests (client) or responses (server) go.</summary>
    public IPEndPoint Destination { get; }

    /// <summary>Current state.</summary>
    public SipTransactionState State { get; protected set; }

    /// <summary>Number of retransmissions sent so far (for tests and statistics).</summary>
    public int Retransmissions { get; protected set; }

    /// <summary>Sends bytes to <see cref="Destination"/>.</summary>
    protected void Send(byte[] message) => Context.SendBytes(message, Destination);

    /// <summary>(Re)starts the retransmission timer (A, E or G).</summary>
    protected void StartRetransmit(TimeSpan due, Action work)
    {
        _retransmit?.Dispose();
        _retransmit = Context.Loop.Schedule(due, work);
    }

    /// <summary>Stops the retransmission timer.</summary>
    protected void StopRetransmit()
    {
        _retransmit?.Dispose();
        _retransmit = null;
    }

    /// <summary>(Re)starts the timeout or wait timer (B, D, F, H, I, J, K, L).</summary>
    protected void StartTimeout(TimeSpan due, Action work)
    {
        _timeout?.Dispose();
        _timeout = due <= TimeSpan.Zero ? null : Context.Loop.Schedule(due, work);
        if (due <= TimeSpan.Zero)
        {
            work(); // reliable transports: the wait timers are zero (RFC 3261 17.1.1.2, 17.2.2)
        }
    }

    /// <summary>Moves to Terminated, stops timers and leaves the table.</summary>
    protected void Terminate()
    {
        if (State == SipTransactionState.Terminated)
        {
            return;
        }
        State = SipTransactionState.Terminated;
        StopRetransmit();
        _timeout?.Dispose();
        _timeout = null;
        Context.Terminated?.Invoke(this);
    }

    /// <summary>Ends the transaction now (agent shutdown).</summary>
    public void Abort() => Terminate();
}
