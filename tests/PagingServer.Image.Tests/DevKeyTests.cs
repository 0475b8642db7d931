namespace PagingServer.Image.Tests;

public class DevKeyTests
{
    private static readonly string Script = RepoPaths.File("yocto-layer/scripts/make-dev-keys");

    [Fact]
    public void Dev_keys_chain_to_the_keyring_and_the_signer_has_no_extended_key_usage()
    {
        string openssl = Tool.Require("openssl", "openssl");
        using var temp = new TempDirectory();
        ProcessRun make = ProcessRun.Start(Script, [temp.Path], temp.Path, TimeSpan.FromMinutes(2));
        Assert.True(make.ExitCode == 0, make.ToString());
        string cert = Path.Combine(temp.Path, "paging-signing.cert.pem");
        foreach (string file in new[] { "paging-ca.cert.pem", "paging-signing.cert.pem", "paging-signing.key.pem" })
            Assert.True(File.Exists(Path.Combine(temp.Path, file)), $"{file} was not written");

        ProcessRun text = ProcessRun.Start(openssl, ["x509", "-in", cert, "-noout", "-text"], temp.Path);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Digital Signature", text.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Extended Key Usage", text.Stdout, StringComparison.Ordinal);

        ProcessRun verify = ProcessRun.Start(openssl, ["verify", "-CAfile", Path.Combine(temp.Path, "paging-ca.cert.pem"), cert], temp.Path);
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    [Fact]
    public void Dev_keys_are_made_once_and_kept_on_a_second_run()
    {
        using var temp = new TempDirectory();
        Assert.Equal(0, ProcessRun.Start(Script, [temp.Path], temp.Path, TimeSpan.FromMinutes(2)).ExitCode);
        string key = File.ReadAllText(Path.Combine(temp.Path, "paging-signing.key.pem"));
        ProcessRun again = ProcessRun.Start(Script, [temp.Path], temp.Path, TimeSpan.FromMinutes(2));
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already exist", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(key, File.ReadAllText(Path.Combine(temp.Path, "paging-signing.key.pem")));
    }

    [Fact]
    public void Dev_keys_default_to_a_folder_git_ignores_and_no_private_key_is_in_the_layer()
    {
        string script = File.ReadAllText(Script);
        Assert.Contains("artifacts/rauc-keys", script, StringComparison.Ordinal);
        Assert.Contains("artifacts/", File.ReadAllLines(RepoPaths.File(".gitignore")));
        var keys = Directory.EnumerateFiles(RepoPaths.File("yocto-layer"), "*", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("PRIVATE KEY-----", StringComparison.Ordinal));
        Assert.Empty(keys);
    }
}
