namespace PagingServer.Tests;

/// <summary>
/// Tests that measure audio timing on a real jackd run alone, not beside other test classes
/// that start servers and processes on the same two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialAudio
{
    public const string Name = "serial audio";
}
