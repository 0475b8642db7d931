namespace PagingServer.Toml;

/// <summary>How a table was created (toml.io v1.0.0 "Table", "Inline Table").</summary>
internal enum TableOrigin
{
    /// <summary>Created as a parent of a header path; a later header may define it.</summary>
    Implicit,

    /// <summary>Defined by a <c>[header]</c> or as an element of <c>[[array]]</c>.</summary>
    Header,

    /// <summary>Created by a dotted key; no header may define it afterwards.</summary>
    Dotted,

    /// <summary>An inline table; complete and closed to any addition.</summary>
    Inline,
}
