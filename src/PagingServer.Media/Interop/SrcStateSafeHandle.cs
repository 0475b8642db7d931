using Microsoft.Win32.SafeHandles;

namespace PagingServer.Media.Interop;

/// <summary>Owns one SRC_STATE*; freed with src_delete.</summary>
internal sealed class SrcStateSafeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SrcStateSafeHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        LibSampleRate.src_delete(handle);
        return true;
    }
}
