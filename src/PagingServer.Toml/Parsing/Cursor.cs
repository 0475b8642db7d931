namespace PagingServer.Toml.Parsing;

/// <summary>Line/column arithmetic shared by the decoder and the parser.</summary>
internal static class Cursor
{
    /// <summary>1-based line and column (in code points) of <paramref name="index"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Column) PositionOf(ReadOnlySpan<char> text, int index)
    {
        index = Math.Clamp(index, 0, text.Length);
        var before = text[..index];
        int line = before.Count('\n') + 1;
        int lineStart = before.LastIndexOf('\n') + 1;
        int column = 1;
        for (int i = lineStart; i < index; i++)
        {
            // A surrogate pair is one character to a reader of the file.
            if (!char.IsLowSurrogate(text[i]))
            {
                column++;
            }
        }

        return (line, column);
    }

    /// <summary>How a character is named in an error message.</summary>
    public static string Describe(int c) => c switch
    {
        -1 => "end of file",
        '\n' => "end of line",
        '\'' => "\"'\"",
        < 0x20 or 0x7F or (>= 0x80 and < 0xA0) => $"control character U+{c:X4}",
        _ when char.IsSurrogate((char)c) || char.IsWhiteSpace((char)c)
            || char.GetUnicodeCategory((char)c) == System.Globalization.UnicodeCategory.Format => $"character U+{c:X4}",
        _ => $"'{(char)c}'",
    };

    public static bool IsControl(int c) => c is (>= 0 and < 0x20 and not '\t') or 0x7F;
}
