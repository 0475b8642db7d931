using PagingServer.Media.Interop;

namespace PagingServer.Media.Klaxon;

/// <summary>Decodes WAV, FLAC, Ogg Vorbis, Opus and MP3 (libsndfile 1.1 and later) in-process.</summary>
internal static class SndFileDecoder
{
    public const string Name = "libsndfile";

    private const int ChunkFrames = 8192;

    /// <param name="maxLength">Decoding stops a little past this length (see <see cref="SourceLimit"/>).</param>
    /// <param name="progress">Fraction of the frames to decode, 0 to 1.</param>
    public static unsafe DecodeOutcome Decode(string path, TimeSpan maxLength, Action<double>? progress)
    {
        var info = default(LibSndFile.SF_INFO);
        SndFileSafeHandle file;
        try
        {
            file = LibSndFile.sf_open(path, LibSndFile.SFM_READ, ref info);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return new(DecodeStatus.DecoderMissing, null, $"{LibSndFile.LibraryName} cannot be loaded ({e.Message})");
        }

        using (file)
        {
            if (file.IsInvalid)
            {
                return new(DecodeStatus.Unsupported, null, LibSndFile.LastOpenError());
            }

            if (info.channels <= 0 || info.samplerate <= 0)
            {
                return new(DecodeStatus.Failed, null, $"libsndfile reports {info.channels} channels at {info.samplerate} Hz");
            }

            long limit = SourceLimit.Frames(maxLength, info.samplerate);
            // frames is only an estimate for some formats (MP3 without a Xing header): it sizes
            // the buffer and the progress, never the loop.
            long expected = info.frames > 0 ? Math.Min(info.frames, limit) : Math.Min(limit, (long)info.samplerate * 10);
            int channels = info.channels;
            var buffer = new SampleBuffer((int)Math.Min(expected * channels, Array.MaxLength));
            long total = 0;
            while (total < limit)
            {
                int want = (int)Math.Min(ChunkFrames, limit - total);
                if (!buffer.TryGetSpace(want * channels, out Memory<float> space))
                {
                    return new(DecodeStatus.Failed, null, "the file is too long to hold in memory; set klaxon-max-length");
                }

                long got;
                fixed (float* p = space.Span)
                {
                    got = LibSndFile.sf_readf_float(file, p, want);
                }

                if (got <= 0)
                {
                    break;
                }

                buffer.Advance((int)got * channels);
                total += got;
                progress?.Invoke(Math.Min(1.0, (double)total / Math.Max(expected, 1)));
            }

            if (total == 0)
            {
                return new(DecodeStatus.Failed, null, "libsndfile read no audio frames");
            }

            return DecodeOutcome.Ok(new DecodedAudio(buffer.ToArray(), (int)total, channels, info.samplerate, Name));
        }
    }
}
