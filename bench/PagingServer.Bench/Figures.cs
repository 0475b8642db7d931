namespace PagingServer.Bench;

/// <summary>Samples of named figures gathered for one endpoint, in the order first added.</summary>
internal sealed class Figures
{
    private readonly List<string> order = [];
    private readonly Dictionary<string, List<double>> samples = [];

    public IEnumerable<string> Names => order;

    public void Add(string name, double value)
    {
        if (!samples.TryGetValue(name, out var list))
        {
            samples[name] = list = [];
            order.Add(name);
        }
        list.Add(value);
    }

    public IReadOnlyList<double>? Get(string name) => samples.GetValueOrDefault(name);
}
