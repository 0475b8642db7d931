using PagingServer.Configuration.Options;

namespace PagingServer.Configuration;

/// <summary>Which options differ between two configurations (a reload says what it applied and what waits).</summary>
internal static class ConfigDiff
{
    public static IEnumerable<string> Changed(ResolvedConfig before, ResolvedConfig after) =>
        OptionCatalog.All
            .Where(spec => spec.Type.Format(before[spec].Value) != spec.Type.Format(after[spec].Value))
            .Select(spec => spec.Name);
}
