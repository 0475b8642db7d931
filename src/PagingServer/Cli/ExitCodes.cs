namespace PagingServer.Cli;

/// <summary>Exit codes from sysexits.h, so init systems and scripts can tell failures apart.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>EX_USAGE: the command line was wrong.</summary>
    public const int Usage = 64;

    /// <summary>EX_UNAVAILABLE: a service paging needs (JACK, the SIP port) could not be had.</summary>
    public const int Unavailable = 69;

    /// <summary>EX_SOFTWARE: a bug; the message says where.</summary>
    public const int Internal = 70;

    /// <summary>EX_CONFIG: a configuration file or value is wrong; nothing was started.</summary>
    public const int Config = 78;
}
