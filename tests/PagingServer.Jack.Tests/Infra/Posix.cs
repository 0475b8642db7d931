using System.Runtime.InteropServices;

namespace PagingServer.Jack.Tests.Infra;

internal static partial class Posix
{
    internal const int SIGTERM = 15;

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int kill(int pid, int sig);
}
