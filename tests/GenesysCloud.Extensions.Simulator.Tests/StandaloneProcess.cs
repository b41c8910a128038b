using System.Diagnostics;
using System.Globalization;

namespace GenesysCloud.Extensions.Simulator.Tests;

/// <summary>The standalone simulator program in its own process, started from the test's output folder.</summary>
internal sealed class StandaloneProcess : IAsyncDisposable
{
    private readonly Process _process;

    private StandaloneProcess(Process process, IReadOnlyList<string> banner)
    {
        _process = process;
        Banner = banner;
    }

    /// <summary>Gets the lines printed up to and including "Press Ctrl+C to stop.".</summary>
    public IReadOnlyList<string> Banner { get; }

    public Process Process => _process;

    /// <summary>Starts the program and waits for its banner.</summary>
    /// <param name="arguments">The program's flags.</param>
    /// <param name="ignoreInterrupt">Start it the way a non-interactive shell starts a background job: with SIGINT ignored.</param>
    public static async Task<StandaloneProcess> StartAsync(IEnumerable<string> arguments, bool ignoreInterrupt = false)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var program = Path.Combine(AppContext.BaseDirectory, "GenesysCloud.Extensions.Simulator.dll");
        ProcessStartInfo start;
        if (ignoreInterrupt)
        {
            // "trap '' INT" sets SIGINT to ignored and exec keeps that disposition, exactly what a background job inherits.
            start = new ProcessStartInfo("/bin/sh");
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("trap '' INT; exec \"$0\" \"$@\"");
            start.ArgumentList.Add(dotnet);
        }
        else
        {
            start = new ProcessStartInfo(dotnet);
        }

        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var lines = new List<string>();
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                if (line.Contains("Ctrl+C", StringComparison.Ordinal))
                {
                    return new StandaloneProcess(process, lines);
                }
            }

            throw new InvalidOperationException("The simulator exited before printing its banner: " + string.Join("\n", lines) + await process.StandardError.ReadToEndAsync());
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Reads the address printed after <paramref name="label"/>, e.g. <c>API base address:</c>.</summary>
    public Uri Address(string label)
    {
        var line = Banner.First(l => l.Contains(label, StringComparison.Ordinal));
        return new Uri(line[line.IndexOf("http", StringComparison.Ordinal)..].Trim());
    }

    /// <summary>Sends a signal with <c>kill(1)</c> (.NET can only send SIGKILL to another process).</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-s", signal, _process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -s {signal} failed with exit code {kill.ExitCode}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
