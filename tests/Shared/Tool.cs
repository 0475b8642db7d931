namespace PagingServer.Testing;

/// <summary>
/// Finds a program on PATH. A test that needs a missing tool fails, naming the tool and the
/// Debian package that brings it (`make setup` installs them all); it never skips.
/// </summary>
public static class Tool
{
    public static string Require(string name, string debianPackage)
    {
        string? path = Find(name);
        Assert.True(path is not null, $"'{name}' is not installed: it comes with the Debian package '{debianPackage}' (run 'make setup')");
        return path!;
    }

    public static string? Find(string name)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':'))
        {
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
                return candidate;
        }
        foreach (string dir in new[] { "/usr/sbin", "/sbin" })
        {
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
