using PagingServer.Media.Interop;

namespace PagingServer.Media.Resampling;

/// <summary>
/// Mono sample-rate conversion of a continuous stream with speexdsp's resampler (the filter
/// state carries across calls). Equal rates pass samples through untouched. Not thread-safe.
/// </summary>
public sealed unsafe class StreamingResampler : IDisposable
{
    /// <summary>speexdsp quality suited to calls: good, and cheap enough per stream.</summary>
    public const int CallQuality = 5;

    private readonly SpeexResamplerSafeHandle? state;

    /// <summary>Creates a converter from <paramref name="inputRate"/> to <paramref name="outputRate"/> Hz.</summary>
    /// <param name="inputRate">Rate of the samples given to <see cref="Process"/>.</param>
    /// <param name="outputRate">Rate wanted out, e.g. the JACK server's.</param>
    /// <param name="quality">0 (fastest) to 10 (best), speexdsp's scale.</param>
    public StreamingResampler(int inputRate, int outputRate, int quality = CallQuality)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, LibSpeexDsp.SPEEX_RESAMPLER_QUALITY_MAX);
        ArgumentOutOfRangeException.ThrowIfNegative(quality);
        InputRate = inputRate;
        OutputRate = outputRate;
        if (inputRate == outputRate)
        {
            return;
        }

        state = LibSpeexDsp.speex_resampler_init(1, (uint)inputRate, (uint)outputRate, quality, out int error);
        if (state.IsInvalid || error != LibSpeexDsp.RESAMPLER_ERR_SUCCESS)
        {
            state.Dispose();
            throw new InvalidOperationException($"speex_resampler_init: {LibSpeexDsp.ErrorText(error)}");
        }

        // Without this the first output starts with half a filter length of zeros (speexdsp
        // pads its history); skipping them keeps latency to the filter's real delay.
        LibSpeexDsp.speex_resampler_skip_zeros(state);
    }

    /// <summary>Input rate in Hz.</summary>
    public int InputRate { get; }

    /// <summary>Output rate in Hz.</summary>
    public int OutputRate { get; }

    /// <summary>Room <see cref="Process"/> needs to take <paramref name="inputSamples"/> whole.</summary>
    public int MaxOutput(int inputSamples) => (int)(((long)inputSamples * OutputRate / InputRate) + 2);

    /// <summary>Converts as much of <paramref name="input"/> as fits; returns the samples
    /// written and sets <paramref name="consumed"/> to the input used. Never throws.</summary>
    public int Process(ReadOnlySpan<float> input, Span<float> output, out int consumed)
    {
        if (state is null)
        {
            int n = Math.Min(input.Length, output.Length);
            input[..n].CopyTo(output);
            consumed = n;
            return n;
        }

        uint inLen = (uint)input.Length;
        uint outLen = (uint)output.Length;
        int error;
        fixed (float* inPtr = input)
        fixed (float* outPtr = output)
        {
            error = LibSpeexDsp.speex_resampler_process_float(state, 0, inPtr, ref inLen, outPtr, ref outLen);
        }

        if (error != LibSpeexDsp.RESAMPLER_ERR_SUCCESS)
        {
            consumed = input.Length;
            return 0;
        }

        consumed = (int)inLen;
        return (int)outLen;
    }

    /// <summary>Clears the filter history (a new stream).</summary>
    public void Reset()
    {
        if (state is not null)
        {
            LibSpeexDsp.speex_resampler_reset_mem(state);
            LibSpeexDsp.speex_resampler_skip_zeros(state);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => state?.Dispose();
}
