using Microsoft.Win32.SafeHandles;

namespace PagingServer.Media.Interop;

/// <summary>Owns one SNDFILE*; closed with sf_close.</summary>
internal sealed class SndFileSafeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SndFileSafeHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => LibSndFile.sf_close(handle) == 0;
}
