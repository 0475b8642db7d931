namespace PagingServer.Sip.Tests.Rfc4475;

// What a stream (TCP) delivery of a file must produce.
internal enum TcpOutcome
{
    // The whole file frames as one message with the same final outcome as over UDP.
    SameAsUdp,
    // The framer waits for more bytes (then a timeout closes the connection).
    NeedMore,
    // The framer reports bad framing: close the connection.
    BadFraming,
    // The first frame is shorter than the file and gets the UDP outcome.
    FirstMessageOnly,
}

// One row: the final outcome per RFC 4475 for a paging UA (not a proxy or registrar).
// Udp: For a request: 0 = processed, else the final response code. For a response: Accept or Drop.
// Cause: Text the parse or check reason must contain (empty: none expected).
internal sealed record TortureCase(string File, string Section, int Udp, TcpOutcome Tcp, string Why, string Cause);

internal static class TortureExpectations
{
    public const int Accept = 0;
    public const int Processed = 0;
    public const int Drop = -1;

    // Final handling by parser + UasRequestCheck (capabilities: INVITE, ACK, BYE, CANCEL, OPTIONS;
    // application/sdp; no option tags) or UacResponseCheck for responses.
    public static readonly TortureCase[] All =
    [
        new("wsinv.dat", "3.1.1.1", Processed, TcpOutcome.SameAsUdp, "valid: folding, LWS, compact forms", ""),
        new("intmeth.dat", "3.1.1.2", 501, TcpOutcome.SameAsUdp, "valid syntax, unknown method -> 501", "Not Implemented"),
        new("esc01.dat", "3.1.1.3", Processed, TcpOutcome.SameAsUdp, "valid % escapes", ""),
        new("escnull.dat", "3.1.1.4", 405, TcpOutcome.SameAsUdp, "valid; REGISTER to a non-registrar UA -> 405", "Not Allowed"),
        new("esc02.dat", "3.1.1.5", 501, TcpOutcome.SameAsUdp, "RE%47IST%45R is not REGISTER -> 501", "Not Implemented"),
        new("lwsdisp.dat", "3.1.1.6", Processed, TcpOutcome.SameAsUdp, "no LWS before < is accepted", ""),
        new("longreq.dat", "3.1.1.7", Processed, TcpOutcome.SameAsUdp, "long values, 34 Via values", ""),
        new("dblreq.dat", "3.1.1.8", 405, TcpOutcome.FirstMessageOnly, "REGISTER processed (405 at a UA), trailing octets ignored", "Not Allowed"),
        new("semiuri.dat", "3.1.1.9", Processed, TcpOutcome.SameAsUdp, "';' in the user part", ""),
        new("transports.dat", "3.1.1.10", Processed, TcpOutcome.SameAsUdp, "unknown transports in Via", ""),
        new("mpart01.dat", "3.1.1.11", 405, TcpOutcome.SameAsUdp, "parses (binary body by Content-Length); MESSAGE not offered -> 405", "Not Allowed"),
        new("unreason.dat", "3.1.1.12", Accept, TcpOutcome.SameAsUdp, "UTF-8 reason phrase", ""),
        new("noreason.dat", "3.1.1.13", Accept, TcpOutcome.SameAsUdp, "empty reason phrase", ""),
        new("badinv01.dat", "3.1.2.1", 400, TcpOutcome.SameAsUdp, "empty Via/Contact params", "empty element"),
        new("clerr.dat", "3.1.2.2", 400, TcpOutcome.NeedMore, "Content-Length beyond the datagram", "shorter than Content-Length"),
        new("ncl.dat", "3.1.2.3", 400, TcpOutcome.BadFraming, "negative Content-Length", "not a number"),
        new("scalar02.dat", "3.1.2.4", 400, TcpOutcome.SameAsUdp, "CSeq above 2^32-1", "malformed CSeq"),
        new("scalarlg.dat", "3.1.2.5", Drop, TcpOutcome.SameAsUdp, "response with overlarge CSeq is discarded", "malformed CSeq"),
        new("quotbal.dat", "3.1.2.6", 400, TcpOutcome.SameAsUdp, "unterminated quoted display name", "malformed To"),
        new("ltgtruri.dat", "3.1.2.7", 400, TcpOutcome.SameAsUdp, "<> around the Request-URI", "bad Request-URI"),
        new("lwsruri.dat", "3.1.2.8", 400, TcpOutcome.SameAsUdp, "LWS inside the Request-URI", "bad SIP-Version"),
        new("lwsstart.dat", "3.1.2.9", 400, TcpOutcome.SameAsUdp, "multiple SP in the Request-Line", "spacing"),
        new("trws.dat", "3.1.2.10", 400, TcpOutcome.SameAsUdp, "trailing SP on the Request-Line", "bad SIP-Version"),
        new("escruri.dat", "3.1.2.11", 400, TcpOutcome.SameAsUdp, "headers in the Request-URI", "headers in Request-URI"),
        new("baddate.dat", "3.1.2.12", 400, TcpOutcome.SameAsUdp, "Date zone other than GMT", "malformed Date"),
        new("regbadct.dat", "3.1.2.13", 400, TcpOutcome.SameAsUdp, "URI with '?' not enclosed in <>", "malformed Contact"),
        new("badaspec.dat", "3.1.2.14", 400, TcpOutcome.SameAsUdp, "spaces inside <>", "malformed To"),
        new("baddn.dat", "3.1.2.15", 400, TcpOutcome.NeedMore, "archive file lacks the empty line (UDP: unterminated -> 400; TCP: waits)", "not terminated"),
        new("badvers.dat", "3.1.2.16", 505, TcpOutcome.SameAsUdp, "SIP/7.0", "unsupported SIP version"),
        new("mismatch01.dat", "3.1.2.17", 400, TcpOutcome.SameAsUdp, "CSeq method differs from the Request-Line", "CSeq Method Mismatch"),
        new("mismatch02.dat", "3.1.2.18", 501, TcpOutcome.SameAsUdp, "unknown method wins: 501", "Not Implemented"),
        new("bigcode.dat", "3.1.2.19", Drop, TcpOutcome.SameAsUdp, "status code above 699 is discarded", "bad Status-Code"),
        new("badbranch.dat", "3.2.1", 400, TcpOutcome.SameAsUdp, "branch is only the magic cookie", "Transaction Identifier"),
        new("insuf.dat", "3.3.1", 400, TcpOutcome.SameAsUdp, "no Call-ID, From, To", "Missing"),
        new("unkscm.dat", "3.3.2", 416, TcpOutcome.SameAsUdp, "unknown Request-URI scheme", "URI Scheme"),
        new("novelsc.dat", "3.3.3", 416, TcpOutcome.SameAsUdp, "soap.beep Request-URI scheme", "URI Scheme"),
        new("unksm2.dat", "3.3.4", 405, TcpOutcome.SameAsUdp, "parses odd schemes; REGISTER at a UA -> 405", "Not Allowed"),
        new("bext01.dat", "3.3.5", 420, TcpOutcome.SameAsUdp, "Require of unsupported extensions", "Bad Extension"),
        new("invut.dat", "3.3.6", 415, TcpOutcome.SameAsUdp, "unknown Content-Type", "Media Type"),
        new("regaut01.dat", "3.3.7", 405, TcpOutcome.SameAsUdp, "unknown auth scheme parses; REGISTER at a UA -> 405", "Not Allowed"),
        new("multi01.dat", "3.3.8", 400, TcpOutcome.SameAsUdp, "repeated single-valued headers", "Repeated"),
        new("mcl01.dat", "3.3.9", 400, TcpOutcome.BadFraming, "two Content-Length values", "more than one Content-Length"),
        new("bcast.dat", "3.3.10", Drop, TcpOutcome.SameAsUdp, "response with two Via values (RFC 3261 8.1.3.3)", ""),
        new("zeromf.dat", "3.3.11", Processed, TcpOutcome.SameAsUdp, "Max-Forwards 0 at an endpoint: process", ""),
        new("cparam01.dat", "3.3.12", 405, TcpOutcome.SameAsUdp, "contact-param parses; REGISTER at a UA -> 405", "Not Allowed"),
        new("cparam02.dat", "3.3.13", 405, TcpOutcome.SameAsUdp, "URI param parses; REGISTER at a UA -> 405", "Not Allowed"),
        new("regescrt.dat", "3.3.14", 405, TcpOutcome.SameAsUdp, "escaped header in Contact URI; REGISTER at a UA -> 405", "Not Allowed"),
        new("sdp01.dat", "3.3.15", 406, TcpOutcome.SameAsUdp, "Accept excludes application/sdp", "Not Acceptable"),
        new("inv2543.dat", "3.4.1", Processed, TcpOutcome.BadFraming, "RFC 2543 INVITE accepted over UDP; no Content-Length on a stream", ""),
    ];
}
