using PagingServer.Cli;

namespace PagingServer;

internal static class Program
{
    public static int Main(string[] args) => PagingCommand.Run(args, Console.Out, Console.Error, Configuration.ConfigFileLocator.System);
}
