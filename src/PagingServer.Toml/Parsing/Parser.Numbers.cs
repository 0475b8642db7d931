using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PagingServer.Toml.Parsing;

/// <summary>Integers and floats (toml.io v1.0.0 "Integer", "Float").</summary>
internal sealed partial class Parser
{
    /// <summary>
    /// Numbers and date-times both start with a digit or sign: take the whole token (plus a
    /// date-time's space separator) and judge it strictly, so "1979-05-27x" or "1__2" fail as a whole.
    /// </summary>
    private bool ParseNumberOrDateTime(int line, [NotNullWhen(true)] out TomlValue? value)
    {
        value = null;
        int start = _pos;
        ScanToken();

        // RFC 3339 allows a space between date and time; TOML 1.0.0 takes it when a time follows.
        if (_pos - start == 10 && IsDateShape(start) && Peek() == ' '
            && IsDigit(Peek(1)) && IsDigit(Peek(2)) && Peek(3) == ':')
        {
            _pos++;
            ScanToken();
        }

        string token = _src[start.._pos];
        bool dateTime = token.Contains(':', StringComparison.Ordinal) || IsDateShape(start);
        return dateTime
            ? ParseDateTime(token, start, line, out value)
            : ParseNumber(token, start, line, out value);
    }

    private void ScanToken()
    {
        while (Peek() is int c and (>= '0' and <= '9' or >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_' or '+' or '-' or '.' or ':'))
        {
            _pos++;
        }
    }

    private bool IsDateShape(int at) =>
        at + 5 <= _src.Length && IsDigit(_src[at]) && IsDigit(_src[at + 1]) && IsDigit(_src[at + 2])
        && IsDigit(_src[at + 3]) && _src[at + 4] == '-';

    private static bool IsDigit(int c) => c is >= '0' and <= '9';

    private bool ParseNumber(string token, int start, int line, [NotNullWhen(true)] out TomlValue? value)
    {
        value = null;
        switch (token)
        {
            case "inf" or "+inf":
                value = new TomlFloat(double.PositiveInfinity, line);
                return true;
            case "-inf":
                value = new TomlFloat(double.NegativeInfinity, line);
                return true;
            case "nan" or "+nan" or "-nan":
                value = new TomlFloat(double.NaN, line);
                return true;
        }

        var error = NumberSyntax.Check(token, out var shape);
        if (error is not null)
        {
            return Fail(start, $"invalid number '{token}': {error}");
        }

        string digits = token.Replace("_", string.Empty, StringComparison.Ordinal);
        if (shape == NumberShape.Float)
        {
            double d = double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsInfinity(d))
            {
                return Fail(start, $"float '{token}' is out of range for a 64-bit float");
            }

            value = new TomlFloat(d, line);
            return true;
        }

        if (!NumberSyntax.TryConvertInteger(digits, shape, out long n))
        {
            return Fail(start, $"integer '{token}' is out of range for a 64-bit signed integer");
        }

        value = new TomlInteger(n, line);
        return true;
    }
}
