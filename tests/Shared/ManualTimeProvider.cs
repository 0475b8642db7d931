namespace PagingServer.Testing;

/// <summary>
/// A clock that moves only when a test says so; timers created on it fire inside
/// <see cref="Advance"/>, on the test's thread, in due order. Timers are tested without sleeping.
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly List<ManualTimer> timers = [];
    private DateTimeOffset now = start;

    public ManualTimeProvider() : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => now;

    public override long GetTimestamp() => (now - DateTimeOffset.UnixEpoch).Ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way.</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset end = now + by;
        while (true)
        {
            ManualTimer? next = null;
            lock (timers)
            {
                foreach (ManualTimer t in timers)
                {
                    if (t.Due is { } due && due <= end && (next is null || due < next.Due))
                        next = t;
                }
            }
            if (next is null)
                break;
            now = next.Due!.Value;
            next.Fire();
        }
        now = end;
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan period;

        public DateTimeOffset? Due { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner.timers)
            {
                this.period = period;
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : owner.now + dueTime;
                if (!owner.timers.Contains(this))
                    owner.timers.Add(this);
            }
            return true;
        }

        public void Fire()
        {
            Due = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : Due + period;
            callback(state);
        }

        public void Dispose()
        {
            lock (owner.timers)
                owner.timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
