using PagingServer.Media.Interop;

namespace PagingServer.Media.Klaxon;

/// <summary>Rate conversion with speexdsp's resampler at its highest quality.</summary>
internal static class SpeexResampler
{
    /// <param name="outFrames">Frames wanted out; see <see cref="SrcResampler.Resample"/>.</param>
    public static unsafe ResampleOutcome Resample(
        float[] input, int frames, int channels, int inRate, int outRate, int outFrames, Action<double>? progress)
    {
        using SpeexResamplerSafeHandle state = LibSpeexDsp.speex_resampler_init(
            (uint)channels, (uint)inRate, (uint)outRate, LibSpeexDsp.SPEEX_RESAMPLER_QUALITY_MAX, out int error);
        if (state.IsInvalid)
        {
            return new(null, 0, $"speexdsp: {LibSpeexDsp.ErrorText(error)}");
        }

        // speexdsp delays its output by half its filter: skip_zeros drops that much from the
        // start, and the same amount of silence fed after the input pushes the tail out.
        LibSpeexDsp.speex_resampler_skip_zeros(state);
        int latency = LibSpeexDsp.speex_resampler_get_input_latency(state);
        float[] tail = new float[Math.Max(latency, 1) * channels];
        float[] output = new float[(long)outFrames * channels];
        long outPos = 0;
        fixed (float* inBase = input)
        fixed (float* tailBase = tail)
        fixed (float* outBase = output)
        {
            long inPos = 0;
            while (inPos < frames && outPos < outFrames)
            {
                uint inLen = (uint)Math.Min(Resampling.ChunkFrames, frames - inPos);
                uint outLen = (uint)(outFrames - outPos);
                error = LibSpeexDsp.speex_resampler_process_interleaved_float(
                    state, inBase + (inPos * channels), ref inLen, outBase + (outPos * channels), ref outLen);
                if (error != 0)
                {
                    return new(null, 0, $"speexdsp: {LibSpeexDsp.ErrorText(error)}");
                }

                inPos += inLen;
                outPos += outLen;
                progress?.Invoke((double)inPos / frames);
            }

            while (outPos < outFrames)
            {
                uint inLen = (uint)(tail.Length / channels);
                uint outLen = (uint)(outFrames - outPos);
                error = LibSpeexDsp.speex_resampler_process_interleaved_float(
                    state, tailBase, ref inLen, outBase + (outPos * channels), ref outLen);
                if (error != 0 || outLen == 0)
                {
                    break;
                }

                outPos += outLen;
            }
        }

        return new(output, outFrames, null);
    }
}
