namespace PagingServer.Sip.Tests.Peers;

// A sipp UAC scenario: INVITE, 401, ACK, INVITE with [authentication], 200, ACK, BYE.
internal static class SippAuthScenario
{
    private const string Headers = """
        Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
        From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
        Call-ID: [call_id]
        Contact: sip:sipp@[local_ip]:[local_port]
        Max-Forwards: 70
        """;

    private const string Sdp = """
        v=0
        o=user1 53655765 2353687637 IN IP[local_ip_type] [local_ip]
        s=-
        c=IN IP[media_ip_type] [media_ip]
        t=0 0
        m=audio [media_port] RTP/AVP 0
        a=rtpmap:0 PCMU/8000
        """;

    public static string Xml(string user, string password) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="uac with digest">
          <send retrans="500"><![CDATA[
        INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
        {{Headers}}
        To: <sip:[service]@[remote_ip]:[remote_port]>
        CSeq: 1 INVITE
        Content-Type: application/sdp
        Content-Length: [len]

        {{Sdp}}
        ]]></send>
          <recv response="100" optional="true"/>
          <recv response="401" auth="true"/>
          <send><![CDATA[
        ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
        Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch-3]
        From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
        To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
        Call-ID: [call_id]
        CSeq: 1 ACK
        Max-Forwards: 70
        Content-Length: 0

        ]]></send>
          <send retrans="500"><![CDATA[
        INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
        {{Headers}}
        To: <sip:[service]@[remote_ip]:[remote_port]>
        CSeq: 2 INVITE
        [authentication username={{user}} password={{password}}]
        Content-Type: application/sdp
        Content-Length: [len]

        {{Sdp}}
        ]]></send>
          <recv response="100" optional="true"/>
          <recv response="200" rrs="true"/>
          <send><![CDATA[
        ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
        {{Headers}}
        To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
        CSeq: 2 ACK
        Content-Length: 0

        ]]></send>
          <pause milliseconds="100"/>
          <send retrans="500"><![CDATA[
        BYE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
        {{Headers}}
        To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
        CSeq: 3 BYE
        Content-Length: 0

        ]]></send>
          <recv response="200"/>
        </scenario>
        """;
}
