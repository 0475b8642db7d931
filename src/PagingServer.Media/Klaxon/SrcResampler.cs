using System.Runtime.InteropServices;
using PagingServer.Media.Interop;

namespace PagingServer.Media.Klaxon;

/// <summary>Rate conversion with libsamplerate's best sinc converter.</summary>
internal static class SrcResampler
{
    /// <param name="outFrames">Frames wanted out; the converter's own count may differ by a
    /// frame, and the result is trimmed or zero-padded to this.</param>
    public static unsafe ResampleOutcome Resample(
        float[] input, int frames, int channels, int inRate, int outRate, int outFrames, Action<double>? progress)
    {
        using SrcStateSafeHandle state = LibSampleRate.src_new(LibSampleRate.SRC_SINC_BEST_QUALITY, channels, out int error);
        if (state.IsInvalid)
        {
            return new(null, 0, $"libsamplerate: {LibSampleRate.ErrorText(error)}");
        }

        // Room for the converter's rounding beyond outFrames.
        int capacity = outFrames + 64;
        float[] output = new float[(long)capacity * channels];
        long inPos = 0;
        long outPos = 0;
        fixed (float* inBase = input)
        fixed (float* outBase = output)
        {
            while (outPos < capacity)
            {
                long chunk = Math.Min(Resampling.ChunkFrames, frames - inPos);
                bool last = inPos + chunk >= frames;
                var data = new LibSampleRate.SRC_DATA
                {
                    data_in = inBase + (inPos * channels),
                    input_frames = new CLong((nint)chunk),
                    data_out = outBase + (outPos * channels),
                    output_frames = new CLong((nint)(capacity - outPos)),
                    end_of_input = last ? 1 : 0,
                    src_ratio = (double)outRate / inRate,
                };
                error = LibSampleRate.src_process(state, ref data);
                if (error != 0)
                {
                    return new(null, 0, $"libsamplerate: {LibSampleRate.ErrorText(error)}");
                }

                long used = data.input_frames_used.Value;
                long generated = data.output_frames_generated.Value;
                inPos += used;
                outPos += generated;
                progress?.Invoke((double)inPos / frames);
                // After end of input, the converter drains its filter until it has nothing left.
                if (used == 0 && generated == 0)
                {
                    break;
                }
            }
        }

        if (output.Length != (long)outFrames * channels)
        {
            Array.Resize(ref output, outFrames * channels);
        }

        return new(output, outFrames, null);
    }
}
