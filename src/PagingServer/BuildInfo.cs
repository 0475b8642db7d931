using System.Reflection;

namespace PagingServer;

/// <summary>The version paging reports (`--version`, the dumps, Sentry's release), from the assembly.</summary>
internal static class BuildInfo
{
    public static string Version { get; } =
        typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
