using System.Runtime.InteropServices;

namespace PagingServer.Interop;

/// <summary>The one libc call the host makes itself. Names are kept as in C.</summary>
internal static partial class LibC
{
    /// <summary>signal.h: SIGHUP on Linux.</summary>
    internal const int SIGHUP = 1;

    /// <summary>signal.h: SIGINT on Linux.</summary>
    internal const int SIGINT = 2;

    /// <summary>signal.h: SIG_DFL.</summary>
    internal const nint SIG_DFL = 0;

    /// <summary>signal(2): sets a signal's disposition; returns the previous one.</summary>
    [LibraryImport("libc")]
    internal static partial nint signal(int signum, nint handler);
}
