namespace PagingServer.Jack.Interop;

/// <summary><c>jack_options_t</c> (jack/types.h).</summary>
[Flags]
internal enum JackOptions
{
    JackNullOption = 0x00,
    JackNoStartServer = 0x01,
    JackUseExactName = 0x02,
    JackServerName = 0x04,
}

/// <summary><c>jack_status_t</c> (jack/types.h).</summary>
[Flags]
internal enum JackStatus
{
    JackFailure = 0x01,
    JackInvalidOption = 0x02,
    JackNameNotUnique = 0x04,
    JackServerStarted = 0x08,
    JackServerFailed = 0x10,
    JackServerError = 0x20,
    JackNoSuchClient = 0x40,
    JackLoadFailure = 0x80,
    JackInitFailure = 0x100,
    JackShmFailure = 0x200,
    JackVersionError = 0x400,
    JackBackendError = 0x800,
    JackClientZombie = 0x1000,
}

/// <summary><c>JackPortFlags</c> (jack/types.h).</summary>
[Flags]
internal enum JackPortFlags
{
    JackPortIsInput = 0x1,
    JackPortIsOutput = 0x2,
    JackPortIsPhysical = 0x4,
    JackPortCanMonitor = 0x8,
    JackPortIsTerminal = 0x10,
}
