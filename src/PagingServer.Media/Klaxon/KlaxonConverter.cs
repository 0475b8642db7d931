namespace PagingServer.Media.Klaxon;

internal readonly record struct ConvertOutcome(float[]? Samples, string? Decoder, string? Error);

/// <summary>Decode, map channels, resample, cut: the work a cache miss costs.</summary>
internal static class KlaxonConverter
{
    /// <summary>Named in every "cannot decode" message, so the operator knows what to convert to.</summary>
    public const string FormatsWithoutFfmpeg =
        "WAV (16/24/32-bit integer or 32-bit float), FLAC, Ogg Vorbis, Opus and MP3";

    // Progress shares: decoding dominates for compressed sources, resampling for long WAVs.
    private const double DecodeShare = 0.5;
    private const double ResampleShare = 0.45;

    public static ConvertOutcome Convert(
        KlaxonRequest request, KlaxonResampler resampler, Action<string> warn, Action<double> progress)
    {
        DecodeOutcome decoded = Decode(request, warn, p => progress(p * DecodeShare));
        if (decoded.Audio is not { } audio)
        {
            return new(null, null, decoded.Message);
        }

        int working = ChannelMap.WorkingChannels(audio.Channels, request.Channels);
        float[] samples = working == audio.Channels
            ? audio.Samples
            : ChannelMap.MixToMono(audio.Samples, audio.Frames, audio.Channels);
        int frames = audio.Frames;
        if (audio.SampleRate != request.TargetSampleRate)
        {
            ResampleOutcome resampled = Resampling.Resample(
                resampler, samples, frames, working, audio.SampleRate, request.TargetSampleRate,
                p => progress(DecodeShare + (p * ResampleShare)));
            if (resampled.Samples is null)
            {
                return new(null, null, $"cannot convert klaxon '{request.SourcePath}': {resampled.Error}");
            }

            samples = resampled.Samples;
            frames = resampled.Frames;
        }

        int fadeFrames = (int)Math.Round(KlaxonDefaults.CutFadeOut.TotalSeconds * request.TargetSampleRate);
        long limit = CutFade.LimitFrames(request.MaxLength, request.TargetSampleRate);
        frames = CutFade.Apply(samples, frames, working, limit, fadeFrames);
        samples = working == request.Channels
            ? Trim(samples, frames * working)
            : ChannelMap.Spread(samples, frames, request.Channels);
        return new(samples, audio.Decoder, null);
    }

    private static DecodeOutcome Decode(KlaxonRequest request, Action<string> warn, Action<double> progress)
    {
        string path = request.SourcePath;
        DecodeOutcome first = SndFileDecoder.Decode(path, request.MaxLength, progress);
        if (first.Status is DecodeStatus.Ok or DecodeStatus.Failed)
        {
            return first.Status == DecodeStatus.Ok
                ? first
                : first with { Message = $"cannot decode klaxon '{path}': {first.Message}" };
        }

        if (first.Status == DecodeStatus.DecoderMissing)
        {
            warn($"{first.Message}; trying ffmpeg for '{path}'");
        }

        DecodeOutcome second = FfmpegDecoder.Decode(request.FfmpegPath, path, request.MaxLength, progress);
        return second.Status switch
        {
            DecodeStatus.Ok => second,
            DecodeStatus.DecoderMissing => second with
            {
                Message = $"cannot decode klaxon '{path}': libsndfile cannot read it ({first.Message}) and ffmpeg "
                    + $"is not available ({second.Message}). Formats that work without ffmpeg: {FormatsWithoutFfmpeg}.",
            },
            _ => second with
            {
                Message = $"cannot decode klaxon '{path}': libsndfile cannot read it ({first.Message}) and {second.Message}. "
                    + $"Formats that work without ffmpeg: {FormatsWithoutFfmpeg}; other formats need ffmpeg to read them.",
            },
        };
    }

    private static float[] Trim(float[] samples, int count)
    {
        if (samples.Length != count)
        {
            Array.Resize(ref samples, count);
        }

        return samples;
    }
}
