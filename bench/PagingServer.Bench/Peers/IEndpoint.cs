using System.Net;

namespace PagingServer.Bench.Peers;

/// <summary>Something that answers pages: the published binary, or baresip as the peer.</summary>
internal interface IEndpoint : IDisposable
{
    /// <summary>"paging" or "baresip", as the report names it.</summary>
    string Name { get; }

    int Pid { get; }

    /// <summary>Where it takes SIP straight (not through kamailio).</summary>
    IPEndPoint Sip { get; }

    /// <summary>Its user at kamailio: calls to sip:USER@kamailio reach it.</summary>
    string User { get; }

    /// <summary>Does it sound a klaxon before answering.</summary>
    bool HasKlaxon { get; }

    /// <summary>What it printed so far, for a failure's message.</summary>
    string Log { get; }
}
