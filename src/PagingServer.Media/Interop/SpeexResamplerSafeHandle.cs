using Microsoft.Win32.SafeHandles;

namespace PagingServer.Media.Interop;

/// <summary>Owns one SpeexResamplerState*; freed with speex_resampler_destroy.</summary>
internal sealed class SpeexResamplerSafeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SpeexResamplerSafeHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        LibSpeexDsp.speex_resampler_destroy(handle);
        return true;
    }
}
