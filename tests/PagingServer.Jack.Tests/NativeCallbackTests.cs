using System.Diagnostics;
using System.Reflection;
using PagingServer.Jack.Tests.Infra;

namespace PagingServer.Jack.Tests;

public class NativeCallbackTests
{
    private static string Driver => Path.Combine(AppContext.BaseDirectory, "process_driver");

    private static (int Exit, string Output) RunDriver(params string[] args)
    {
        var psi = new ProcessStartInfo(Driver) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output);
    }

    [Fact]
    public void Process_callback_runs_twenty_thousand_busy_cycles_without_allocating_or_locking()
    {
        var (exit, output) = RunDriver();
        Assert.Contains("allocations 0 ", output);
        Assert.Equal(0, exit);
    }

    [Fact]
    public void Allocation_counter_sees_an_allocation_made_inside_the_process_callback()
    {
        // The same driver with an allocating jack_port_get_buffer: proves the counter is live.
        var (exit, output) = RunDriver("--self-check");
        Assert.DoesNotContain("allocations 0 ", output);
        Assert.NotEqual(0, exit);
    }

    [Fact]
    public void Process_translation_unit_calls_no_external_function()
    {
        // Everything pj_process may call is in its own object file or reached through the
        // pj_jack_api pointers: no libc symbol (malloc, locks, syscalls wrappers) is referenced.
        var dir = typeof(NativeCallbackTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "PagingJackNativeObj").Value!;
        var obj = Path.GetFullPath(Path.Combine(dir, "paging_jack_process.o"));
        Assert.True(File.Exists(obj), obj);
        var undefined = Tools.Run("nm", ["-u", obj], TimeSpan.FromSeconds(10));
        Assert.Equal(string.Empty, undefined.Trim());
    }
}
