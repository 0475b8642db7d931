using System.Net;

namespace PagingServer.Sip;

public sealed partial class SipAgent
{
    /// <summary>
    /// Applies reloaded options while calls go on. What the bound socket depends on (address,
    /// port, transport) and the transaction timers stay as they are until a restart. When the
    /// registration's settings changed, the old binding is removed (Expires: 0, RFC 3261
    /// 10.2.2, with the old credentials, waiting at most <paramref name="unregisterTimeout"/>)
    /// before the new one is made, so the registrar cannot apply the removal after the new
    /// binding. Returns true when a new registration was started.
    /// </summary>
    public async Task<bool> ReconfigureAsync(SipAgentOptions next, TimeSpan unregisterTimeout)
    {
        ArgumentNullException.ThrowIfNull(next);
        // Name resolution can block: done here, on the caller's thread, not on the SIP thread.
        IPEndPoint? proxy = next.Proxy.Length > 0 ? SipAddressing.Resolve(next.Proxy, _log) : null;
        IPEndPoint? registrar = next.Domain.Length > 0 && proxy is null ? SipAddressing.Resolve(next.Domain, _log) : null;
        Task? unregistered = await Loop.InvokeAsync(() =>
        {
            var current = Options;
            bool registrationChanged = RegistrationSettingsDiffer(current, next);
            Options = next with
            {
                BindAddress = current.BindAddress,
                Port = current.Port,
                Transport = current.Transport,
                Timers = current.Timers,
            };
            _proxy = proxy;
            _registrar = registrar;
            ReloadAccessList();
            if (!registrationChanged || _stopped)
            {
                return null;
            }
            var old = _registration;
            _registration = null;
            int generation = ++_registrationGeneration;
            RegistrationChanged?.Invoke(SipRegistrationStatus.Unregistered);
            Task removal = old?.Unregister() ?? Task.CompletedTask;
            return Task.WhenAny(removal, Task.Delay(unregisterTimeout)).ContinueWith(
                _ => Loop.Post(() =>
                {
                    old?.Stop();
                    if (generation == _registrationGeneration)
                    {
                        StartRegistration();
                    }
                }),
                CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }).ConfigureAwait(false);
        if (unregistered is null)
        {
            return false;
        }
        await unregistered.ConfigureAwait(false);
        return true;
    }

    private int _registrationGeneration;

    private static bool RegistrationSettingsDiffer(SipAgentOptions a, SipAgentOptions b) =>
        a.Domain != b.Domain || a.User != b.User || a.Password != b.Password || a.Proxy != b.Proxy
        || a.RegisterExpiresSeconds != b.RegisterExpiresSeconds
        || a.RegisterRetryBaseSeconds != b.RegisterRetryBaseSeconds
        || a.RegisterRetryMaxSeconds != b.RegisterRetryMaxSeconds;
}
