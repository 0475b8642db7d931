namespace PagingServer.Bench;
internal static class StartupBench { public static IEnumerable<Measurement> Run(string b, string w, JackServer j, int r) => []; }
