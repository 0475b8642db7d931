namespace PagingServer.Bench;
internal static class SoakBench { public static IEnumerable<Measurement> Run(string b, string w, JackServer j, KamailioRegistrar k, PagingServer.Bench.Jack.SpeakerProbe p, string pw) => []; }
