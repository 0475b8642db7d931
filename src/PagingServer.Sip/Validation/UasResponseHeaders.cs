using PagingServer.Sip.Headers;
using PagingServer.Sip.Message;
using PagingServer.Sip.Writer;

namespace PagingServer.Sip.Validation;

/// <summary>Headers that a rejection from <see cref="UasRequestCheck"/> must carry.</summary>
public static class UasResponseHeaders
{
    /// <summary>
    /// Writes what the status code requires: Allow for 405 (RFC 3261 21.4.6, 8.2.1), Unsupported
    /// listing each unsupported Require tag for 420 (8.2.2.3), Accept for 415 and 406 (8.2.3).
    /// Call after <see cref="SipResponseBuilder.WriteHead"/> and before <see cref="SipWriter.Finish"/>.
    /// </summary>
    public static void Write(ref SipWriter writer, int statusCode, SipMessage request, UasCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(capabilities);
        switch (statusCode)
        {
            case 405:
                WriteAllow(ref writer, capabilities);
                break;
            case 420:
                for (int i = UasRequestCheck.FirstUnsupportedRequire(request, capabilities); i >= 0;
                     i = UasRequestCheck.FirstUnsupportedRequire(request, capabilities, i + 1))
                {
                    writer.Header(SipHeaderId.Unsupported, request.HeaderValue(i));
                }
                break;
            case 415:
            case 406:
                WriteList(ref writer, SipHeaderId.Accept, capabilities.AcceptedContentTypes);
                break;
            default:
                break;
        }
    }

    /// <summary>Writes "Allow: INVITE, ACK, ..." from the capabilities (also for 200 to OPTIONS, RFC 3261 11.2).</summary>
    public static void WriteAllow(ref SipWriter writer, UasCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        writer.BeginHeader(SipHeaderId.Allow);
        for (int i = 0; i < capabilities.AllowedMethods.Count; i++)
        {
            if (i > 0)
            {
                writer.Append(", "u8);
            }
            writer.Append(SipMethods.Name(capabilities.AllowedMethods[i]));
        }
        writer.EndHeader();
    }

    private static void WriteList(ref SipWriter writer, SipHeaderId id, IReadOnlyList<string> values)
    {
        writer.BeginHeader(id);
        for (int i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                writer.Append(", "u8);
            }
            writer.Append(values[i]);
        }
        writer.EndHeader();
    }
}
