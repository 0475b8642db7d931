using System.Buffers;
using System.Text.Unicode;
using PagingServer.Toml.Parsing;

namespace PagingServer.Toml;

/// <summary>Reads TOML 1.0.0 documents (toml.io/en/v1.0.0). Never throws for bad input.</summary>
public static class TomlReader
{
    /// <summary>Parses a UTF-8 document; a leading byte order mark is skipped, invalid UTF-8 is an error.</summary>
    public static TomlParseResult Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        char[] chars = ArrayPool<char>.Shared.Rent(Math.Max(utf8.Length, 1));
        try
        {
            // TOML 1.0.0 "Spec": a document must be valid UTF-8; decoding strictly reports where it is not.
            var status = Utf8.ToUtf16(utf8, chars, out _, out int written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                var (line, column) = Cursor.PositionOf(chars.AsSpan(0, written), written);
                return TomlParseResult.Fail(new TomlError(line, column, "invalid UTF-8 byte sequence"));
            }

            return new Parser(new string(chars, 0, written)).Run();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Parses a document held as text; a leading U+FEFF is skipped, unpaired surrogates are an error.</summary>
    public static TomlParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                var (line, column) = Cursor.PositionOf(text, i);
                return TomlParseResult.Fail(new TomlError(line, column, "unpaired surrogate: text is not valid Unicode"));
            }
        }

        return new Parser(text).Run();
    }
}
