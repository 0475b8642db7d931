namespace PagingServer.Sip.Sdp;

/// <summary>Chooses the answer to an offer (RFC 3264 6.1): one audio stream, our codec preference order.</summary>
public static class SdpNegotiator
{
    /// <summary>
    /// Picks the first audio m= section with a non-zero port on RTP/AVP(F) that shares a codec with
    /// <paramref name="ourCodecs"/> (tried in our order), adds telephone-event when both offer it, and
    /// derives the answer direction from the offer's and <paramref name="local"/>.
    /// </summary>
    public static SdpNegotiation Negotiate(SdpSession offer, IReadOnlyList<SdpCodec> ourCodecs, SdpDirection local = SdpDirection.SendRecv)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(ourCodecs);
        for (int i = 0; i < offer.Media.Count; i++)
        {
            var m = offer.Media[i];
            if (m.Media != "audio" || m.Port == 0 || !m.Protocol.StartsWith("RTP/AVP", StringComparison.Ordinal))
            {
                continue;
            }
            SdpRtpMap? chosen = null;
            SdpRtpMap? events = null;
            foreach (var codec in ourCodecs)
            {
                var match = Find(m, codec);
                if (match is null)
                {
                    continue;
                }
                if (codec.IsTelephoneEvent)
                {
                    events ??= match;
                }
                else
                {
                    chosen ??= match;
                }
            }
            if (chosen is null)
            {
                continue;
            }
            string address = offer.AddressOf(m) ?? "";
            var offered = offer.DirectionOf(m);
            // RFC 3264 8.4: c=0.0.0.0 is the RFC 2543 way to say "do not send to me".
            bool zeroAddress = address is "0.0.0.0" or "::";
            bool offererReceives = SdpDirections.Receives(offered) && !zeroAddress;
            bool offererSends = SdpDirections.Sends(offered);
            var answer = SdpDirections.From(
                sends: offererReceives && SdpDirections.Sends(local),
                receives: offererSends && SdpDirections.Receives(local));
            return new SdpNegotiation
            {
                Acceptable = true,
                MediaIndex = i,
                Codec = chosen,
                TelephoneEvent = events,
                RemoteAddress = address,
                RemotePort = m.Port,
                RemoteHold = !offererReceives,
                AnswerDirection = answer,
                PtimeMs = m.PtimeMs,
            };
        }
        return new SdpNegotiation { Acceptable = false, Reason = "no audio stream with a codec in common" };
    }

    private static SdpRtpMap? Find(SdpMedia media, SdpCodec codec)
    {
        foreach (string format in media.Formats)
        {
            if (int.TryParse(format, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int pt)
                && media.FindRtpMap(pt) is { } map && codec.Matches(map))
            {
                return map;
            }
        }
        return null;
    }
}
