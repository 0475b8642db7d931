namespace PagingServer.Toml;

/// <summary>The TOML 1.0.0 value types (toml.io/en/v1.0.0).</summary>
public enum TomlValueKind
{
    /// <summary>A basic, literal or multi-line string.</summary>
    String,

    /// <summary>A signed 64-bit integer.</summary>
    Integer,

    /// <summary>An IEEE 754 binary64 float, including inf and nan.</summary>
    Float,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A date-time with a UTC offset (RFC 3339).</summary>
    OffsetDateTime,

    /// <summary>A date-time without an offset.</summary>
    LocalDateTime,

    /// <summary>A calendar date without time.</summary>
    LocalDate,

    /// <summary>A time of day without date or offset.</summary>
    LocalTime,

    /// <summary>An array (static or array of tables).</summary>
    Array,

    /// <summary>A table (standard, implicit, dotted-key or inline).</summary>
    Table,
}
