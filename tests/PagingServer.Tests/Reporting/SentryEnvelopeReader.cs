using System.Text;
using System.Text.Json;

namespace PagingServer.Tests.Reporting;

/// <summary>Reads what a Sentry endpoint received: the envelope's header and its event item.</summary>
internal static class SentryEnvelopeReader
{
    /// <summary>The event payload; checks the item header names an event of the right length
    /// and the event id matches the envelope's.</summary>
    public static JsonElement Event(byte[] body)
    {
        string text = Encoding.UTF8.GetString(body);
        string[] lines = text.Split('\n');
        using var envelopeHeader = JsonDocument.Parse(lines[0]);
        using var itemHeader = JsonDocument.Parse(lines[1]);
        Assert.Equal("event", itemHeader.RootElement.GetProperty("type").GetString());
        int length = itemHeader.RootElement.GetProperty("length").GetInt32();
        int payloadStart = Encoding.UTF8.GetByteCount(lines[0]) + Encoding.UTF8.GetByteCount(lines[1]) + 2;
        using var payload = JsonDocument.Parse(body.AsMemory(payloadStart, length));
        JsonElement evt = payload.RootElement.Clone();
        Assert.Equal(envelopeHeader.RootElement.GetProperty("event_id").GetString(), evt.GetProperty("event_id").GetString());
        Assert.Matches("^[0-9a-f]{32}$", evt.GetProperty("event_id").GetString());
        return evt;
    }
}
