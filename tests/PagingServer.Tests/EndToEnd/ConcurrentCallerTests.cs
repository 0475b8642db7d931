namespace PagingServer.Tests.EndToEnd;

/// <summary>Two callers at once, under each `hold-concurrent` setting, against the published binary.</summary>
[Collection(SerialAudio.Name)]
public sealed class ConcurrentCallerTests : IDisposable
{
    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    private RunningProcess Caller(Pager pager, string name, double seconds) =>
        SippCaller.Start(pager, SippCaller.Page(work, "page_pcmu.xml", TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(seconds), name), work.Path);

    /// <summary>The number of the first log line about caller <paramref name="who"/> that says <paramref name="what"/>.</summary>
    private static int Line(string output, string who, string what)
    {
        string[] lines = output.Split('\n');
        int at = Array.FindIndex(lines, l => l.Contains($"sip:{who}@", StringComparison.Ordinal) && l.Contains(what, StringComparison.Ordinal));
        Assert.True(at >= 0, $"no line about {who} saying '{what}' in:\n{output}");
        return at;
    }

    private static bool Said(Pager pager, string who, string what) =>
        WaitUntil(() => pager.Process.Output.Split('\n').Any(l => l.Contains($"sip:{who}@", StringComparison.Ordinal) && l.Contains(what, StringComparison.Ordinal)));

    private static bool WaitUntil(Func<bool> condition)
    {
        DateTime end = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition() && DateTime.UtcNow < end)
            Thread.Sleep(20);
        return condition();
    }

    [Fact]
    public void With_hold_concurrent_the_second_caller_rings_until_the_first_page_ends()
    {
        using var pager = new Pager(work, "[calls]\nhold-concurrent = yes\n");
        using var first = Caller(pager, "first", 2);
        Assert.True(Said(pager, "first", "page starts"), pager.Process.Output);
        using var second = Caller(pager, "second", 1);

        Assert.True(first.WaitForExit(TimeSpan.FromSeconds(20)) == 0, first.Output);
        Assert.True(second.WaitForExit(TimeSpan.FromSeconds(20)) == 0, second.Output);
        Assert.True(Said(pager, "second", "page ended"), pager.Process.Output);
        string log = pager.Process.Output;
        Assert.True(Line(log, "second", "waiting") < Line(log, "first", "page ended"), log);
        Assert.True(Line(log, "first", "page ended") < Line(log, "second", "page starts"), log);
    }

    [Fact]
    public void Without_hold_concurrent_both_callers_are_paged_at_once_each_after_its_own_klaxon()
    {
        using var pager = new Pager(work, "[calls]\nhold-concurrent = no\n");
        using var first = Caller(pager, "first", 3);
        Assert.True(Said(pager, "first", "page starts"), pager.Process.Output);
        using var second = Caller(pager, "second", 1);

        Assert.True(first.WaitForExit(TimeSpan.FromSeconds(20)) == 0, first.Output);
        Assert.True(second.WaitForExit(TimeSpan.FromSeconds(20)) == 0, second.Output);
        Assert.True(Said(pager, "first", "page ended"), pager.Process.Output);
        string log = pager.Process.Output;
        Assert.True(Line(log, "second", "answered") < Line(log, "first", "page ended"), $"the second caller was not paged alongside the first:\n{log}");
        Assert.DoesNotContain("waiting", log);
    }
}
