using System.Collections.Concurrent;

namespace PagingServer.Sip.Transactions;

/// <summary>
/// The one thread that owns all SIP and call state. Other threads (socket receivers, timers, the
/// application) never touch that state: they <see cref="Post"/> work here. An inline loop runs
/// posted work on the posting thread instead (for tests driving a fake clock), still one item at
/// a time.
/// </summary>
public sealed class SipLoop : IDisposable
{
    private readonly BlockingCollection<Action> _queue = [];
    private readonly Queue<Action> _inlineQueue = new();
    private readonly Action<SipLogLevel, string> _log;
    private readonly bool _inline;
    private Thread? _thread;
    private bool _draining;
    private volatile bool _disposed;

    /// <summary>Creates a loop; call <see cref="Start"/> unless <paramref name="inline"/>.</summary>
    public SipLoop(TimeProvider time, Action<SipLogLevel, string>? log = null, bool inline = false)
    {
        Time = time ?? TimeProvider.System;
        _log = log ?? ((_, _) => { });
        _inline = inline;
    }

    /// <summary>The clock every SIP timer runs on.</summary>
    public TimeProvider Time { get; }

    /// <summary>True when called from the loop's own thread (or inside an inline drain).</summary>
    public bool IsLoopThread => _inline ? _draining : Thread.CurrentThread == _thread;

    /// <summary>Starts the loop thread.</summary>
    public void Start()
    {
        if (_inline || _thread is not null)
        {
            return;
        }
        _thread = new Thread(Run) { IsBackground = true, Name = "sip-loop" };
        _thread.Start();
    }

    /// <summary>Queues <paramref name="work"/> to run on the loop; safe from any thread. False (dropped) after <see cref="Dispose"/>.</summary>
    public bool Post(Action work)
    {
        if (_inline)
        {
            lock (_inlineQueue)
            {
                _inlineQueue.Enqueue(work);
                if (_draining)
                {
                    return true;
                }
                _draining = true;
            }
            DrainInline();
            return true;
        }
        try
        {
            return !_disposed && _queue.TryAdd(work);
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            return false; // stopped: late socket data and timers are dropped
        }
    }

    /// <summary>Runs <paramref name="work"/> on the loop and returns its result to the calling thread.</summary>
    public Task<T> InvokeAsync<T>(Func<T> work)
    {
        var tcs = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool posted = Post(() =>
        {
            try
            {
                tcs.SetResult(work());
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                tcs.SetException(e);
            }
        });
        if (!posted)
        {
            tcs.TrySetException(new ObjectDisposedException(nameof(SipLoop)));
        }
        return tcs.Task;
    }

    /// <summary>Runs <paramref name="work"/> on the loop after <paramref name="due"/>; dispose the result to cancel.</summary>
    public SipTimer Schedule(TimeSpan due, Action work)
    {
        var timer = new SipTimer(this, work);
        timer.Arm(due);
        return timer;
    }

    private void DrainInline()
    {
        while (true)
        {
            Action next;
            lock (_inlineQueue)
            {
                if (!_inlineQueue.TryDequeue(out next!))
                {
                    _draining = false;
                    return;
                }
            }
            RunOne(next);
        }
    }

    private void Run()
    {
        foreach (var work in _queue.GetConsumingEnumerable())
        {
            RunOne(work);
        }
    }

    private void RunOne(Action work)
    {
        try
        {
            work();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in one handler must not stop signalling for every other call.
            _log(SipLogLevel.Error, "SIP loop: unhandled " + e);
        }
    }

    /// <summary>Stops accepting work and lets the thread finish what is queued.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _queue.CompleteAdding();
        if (_thread is not null && Thread.CurrentThread != _thread)
        {
            _thread.Join(TimeSpan.FromSeconds(5));
        }
        _queue.Dispose();
    }
}
