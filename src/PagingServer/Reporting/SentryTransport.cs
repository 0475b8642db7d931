using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace PagingServer.Reporting;

/// <summary>How one upload went.</summary>
internal enum SendOutcome
{
    Sent,

    /// <summary>429: the server asked us to wait; <see cref="SendResult.RetryAfter"/> says how long.</summary>
    RateLimited,

    /// <summary>Network down or a server error: keep the envelope and try later.</summary>
    Failed,

    /// <summary>The server refused this envelope for good (4xx other than 429): drop it.</summary>
    Rejected,
}

internal readonly record struct SendResult(SendOutcome Outcome, TimeSpan RetryAfter, string Detail);

/// <summary>Uploads envelopes to the DSN's envelope endpoint over HTTP(S).</summary>
internal sealed class SentryTransport(SentryDsn dsn, HttpMessageHandler handler, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan DefaultRateLimit = TimeSpan.FromSeconds(60);
    private readonly HttpClient client = new(handler) { Timeout = TimeSpan.FromSeconds(15) };

    public async Task<SendResult> SendAsync(byte[] envelope, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, dsn.EnvelopeEndpoint);
        request.Headers.TryAddWithoutValidation("X-Sentry-Auth", dsn.AuthHeader($"paging/{BuildInfo.Version}"));
        request.Content = new ByteArrayContent(envelope);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-sentry-envelope");
        try
        {
            using HttpResponseMessage response = await client.SendAsync(request, cancel).ConfigureAwait(false);
            int code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
                return new SendResult(SendOutcome.Sent, TimeSpan.Zero, $"HTTP {code}");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                return new SendResult(SendOutcome.RateLimited, RetryAfter(response), $"HTTP {code}");
            if (code >= 400 && code < 500)
                return new SendResult(SendOutcome.Rejected, TimeSpan.Zero, $"HTTP {code}");
            return new SendResult(SendOutcome.Failed, TimeSpan.Zero, $"HTTP {code}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return new SendResult(SendOutcome.Failed, TimeSpan.Zero, e.Message);
        }
    }

    /// <summary>
    /// How long a 429 asks us to wait: `X-Sentry-Rate-Limits` (its first quota's seconds) wins
    /// over `Retry-After` (seconds or an HTTP date, RFC 9110 10.2.3); 60 s when neither says.
    /// </summary>
    private TimeSpan RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("X-Sentry-Rate-Limits", out var limits)
            && double.TryParse(limits.First().Split(':')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double limitSeconds))
        {
            return TimeSpan.FromSeconds(limitSeconds);
        }
        RetryConditionHeaderValue? retry = response.Headers.RetryAfter;
        if (retry?.Delta is { } delta)
            return delta;
        if (retry?.Date is { } date)
            return date > time.GetUtcNow() ? date - time.GetUtcNow() : TimeSpan.Zero;
        return DefaultRateLimit;
    }

    public void Dispose() => client.Dispose();
}
