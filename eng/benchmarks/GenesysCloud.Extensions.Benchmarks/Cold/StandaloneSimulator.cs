using System.Diagnostics;

namespace GenesysCloud.Extensions.Benchmarks.Cold;

/// <summary>
/// The standalone simulator in its own process (so its JIT does not count in the measured process), started on a
/// free loopback port and stopped by its PID.
/// </summary>
internal sealed class StandaloneSimulator : IAsyncDisposable
{
    private readonly Process _process;

    private StandaloneSimulator(Process process, Uri baseAddress, string clientId, string clientSecret)
    {
        _process = process;
        BaseAddress = baseAddress;
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    public Uri BaseAddress { get; }

    public string ClientId { get; }

    public string ClientSecret { get; }

    public int ProcessId => _process.Id;

    public static async Task<StandaloneSimulator> StartAsync(string latency, CancellationToken cancellationToken)
    {
        // The simulator project is referenced by the benchmarks, so its build output sits beside this one.
        var dll = Path.Combine(AppContext.BaseDirectory, "GenesysCloud.Extensions.Simulator.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, "--port", "0", "--latency", latency })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The simulator did not start.");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            string? address = null, clientId = null, secret = null;
            while (address is null || clientId is null || secret is null)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"The simulator exited ({await process.StandardError.ReadToEndAsync(cancellationToken)}).");
                address ??= Value(line, "API base address:");
                clientId ??= Value(line, "Client id:");
                secret ??= Value(line, "Client secret:");
            }

            // Keep draining its output so it never blocks on a full pipe.
            process.BeginErrorReadLine();
            _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            return new StandaloneSimulator(process, new Uri(address), clientId, secret);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
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

    private static string? Value(string line, string label)
    {
        var index = line.IndexOf(label, StringComparison.Ordinal);
        return index < 0 ? null : line[(index + label.Length)..].Trim();
    }
}
