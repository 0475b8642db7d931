namespace PagingServer.Sip.Transactions;

/// <summary>Transaction states of RFC 3261 17 (figures 5-8) plus Accepted from RFC 6026 7.1.</summary>
public enum SipTransactionState : byte
{
    /// <summary>INVITE client: request sent, nothing heard.</summary>
    Calling,
    /// <summary>Non-INVITE: request sent (client) or received (server), no response yet.</summary>
    Trying,
    /// <summary>A provisional response was received (client) or sent (server).</summary>
    Proceeding,
    /// <summary>A final response was received (client) or a non-2xx final sent (server); absorbing retransmissions.</summary>
    Completed,
    /// <summary>INVITE server: the ACK for a non-2xx final arrived (Timer I running).</summary>
    Confirmed,
    /// <summary>INVITE server: a 2xx was sent; the dialog retransmits it (RFC 6026 7.1, Timer L).</summary>
    Accepted,
    /// <summary>Gone from the transaction table.</summary>
    Terminated,
}
