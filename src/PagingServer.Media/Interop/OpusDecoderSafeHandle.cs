using Microsoft.Win32.SafeHandles;

namespace PagingServer.Media.Interop;

/// <summary>Owns one OpusDecoder*; freed with opus_decoder_destroy.</summary>
internal sealed class OpusDecoderSafeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public OpusDecoderSafeHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        LibOpus.opus_decoder_destroy(handle);
        return true;
    }
}
