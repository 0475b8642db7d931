namespace PagingServer.Image.Tests.SyntaxGate;

/// <summary>
/// The BitBake grammar (tree-sitter, compiled to wasm) from the npm package
/// language-server-bitbake, installed into artifacts/bitbake-grammar (git ignores artifacts/)
/// on first use. bitbake itself cannot run here; this parses recipes the way the VS Code
/// BitBake extension does. A test class shares one instance (xunit class fixture).
/// </summary>
public sealed class BitbakeGrammar
{
    public const string Package = "language-server-bitbake@2.10.0";

    public BitbakeGrammar()
    {
        Node = Tool.Require("node", "nodejs");
        Folder = RepoPaths.File("artifacts/bitbake-grammar");
        if (!File.Exists(Path.Combine(Folder, "node_modules/language-server-bitbake/tree-sitter-bitbake.wasm")))
        {
            string npm = Tool.Require("npm", "npm");
            Directory.CreateDirectory(Folder);
            ProcessRun install = ProcessRun.Start(npm, ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--prefix", Folder, Package], Folder, TimeSpan.FromMinutes(5));
            Assert.True(install.ExitCode == 0, $"npm install {Package} into {Folder} failed (the syntax gate needs it; is the npm registry reachable?):\n{install}");
        }
    }

    public string Node { get; }

    public string Folder { get; }

    /// <summary>Parses the files; the result lists one line per syntax error and one "parsed" line per file.</summary>
    public ProcessRun Check(IEnumerable<string> files) =>
        ProcessRun.Start(Node, [RepoPaths.File("tests/PagingServer.Image.Tests/SyntaxGate/bitbake-syntax.mjs"), .. files], Folder, TimeSpan.FromMinutes(2));
}
