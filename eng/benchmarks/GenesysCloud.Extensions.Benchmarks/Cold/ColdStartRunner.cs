using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GenesysCloud.Extensions.Benchmarks.Cold;

/// <summary>
/// The cold mode: the queue roster in <c>runs</c> fresh processes against the standalone simulator (another process),
/// each reporting connect, the cold roster and the same roster warm; the report gives the medians and, from the
/// one more process, what the JIT compiled during the cold roster, by namespace.
/// </summary>
public sealed class ColdStartRunner(int runs, string latency, int pageSize, TextWriter log)
{
    public async Task<ColdStartReport> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var simulator = await StandaloneSimulator.StartAsync(latency, cancellationToken);
        log.WriteLine($"Simulator PID {simulator.ProcessId} on {simulator.BaseAddress} (latency {latency} ms).");
        var samples = new List<ColdStartSample>();
        for (var run = 1; run <= runs; run++)
        {
            var sample = await RunProcessAsync(simulator, jitLog: null, cancellationToken);
            samples.Add(sample);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  process {run}: connect {sample.Connect.WallSeconds:F3} s ({sample.Connect.JitMethods} methods), cold roster {sample.ColdRoster.WallSeconds:F3} s ({sample.ColdRoster.JitMethods} methods, {sample.ColdRoster.JitMilliseconds:F0} ms JIT), warm {sample.WarmRoster.WallSeconds:F3} s ({sample.WarmRoster.JitMethods} methods)"));
        }

        // One more process lists what the JIT compiles (it slows the process a little, so it is not in the medians).
        var jitLog = Path.Combine(Path.GetTempPath(), $"gc-cold-jit-{Environment.ProcessId}.txt");
        IReadOnlyList<JitNamespaceCount> breakdown;
        try
        {
            try
            {
                await RunProcessAsync(simulator, jitLog, cancellationToken);
            }
            catch (InvalidOperationException ex)
            {
                // The runtime's JIT listing (DOTNET_JitStdOutFile) once aborted the listing process in CI ("free(): invalid
                // pointer", exit 134), a crash of the diagnostic, not of the measured code: the listing is taken once more.
                log.WriteLine($"  the JIT-listing process failed ({ex.Message.Trim()}); listing once more.");
                await RunProcessAsync(simulator, jitLog, cancellationToken);
            }

            breakdown = JitLogBreakdown.RosterByNamespace(jitLog);
        }
        finally
        {
            File.Delete(jitLog);
        }

        return new ColdStartReport(samples, breakdown);
    }

    private async Task<ColdStartSample> RunProcessAsync(StandaloneSimulator simulator, string? jitLog, CancellationToken cancellationToken)
    {
        // This assembly again, whoever hosts the runner (the benchmark program or a test).
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { typeof(ColdStartProcess).Assembly.Location, "cold-process", simulator.BaseAddress.ToString(), simulator.ClientId, simulator.ClientSecret, pageSize.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        if (jitLog is not null)
        {
            // The list of compiled methods (works on the release runtime).
            start.Environment["DOTNET_JitStdOutFile"] = jitLog;
            start.Environment["DOTNET_JitDisasmSummary"] = "1";
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The measured process did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The measured process exited with {process.ExitCode}: {await error}");
        }

        var line = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
        return JsonSerializer.Deserialize<ColdStartSample>(line, ColdStartSample.JsonOptions)!;
    }
}

/// <summary>How many methods of a namespace the JIT compiled.</summary>
public sealed record JitNamespaceCount(string Namespace, int Methods);

/// <summary>The samples of the cold mode and their medians.</summary>
public sealed record ColdStartReport(IReadOnlyList<ColdStartSample> Samples, IReadOnlyList<JitNamespaceCount> RosterJitByNamespace)
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Median of {Samples.Count} fresh processes ({Samples[0].Queues} queues, {Samples[0].Members} members):");
        text.AppendLine();
        text.AppendLine("| phase | wall | JIT-compiled methods | JIT time |");
        text.AppendLine("| --- | ---: | ---: | ---: |");
        Row("process start → main", Median(Samples.Select(s => s.ProcessStartToMainSeconds)), null, null);
        foreach (var (name, phase) in new (string, Func<ColdStartSample, ColdStartPhase>)[] { ("connect", s => s.Connect), ("roster, cold", s => s.ColdRoster), ("roster, warm (same process)", s => s.WarmRoster) })
        {
            Row(name, Median(Samples.Select(s => phase(s).WallSeconds)), Median(Samples.Select(s => (double)phase(s).JitMethods)), Median(Samples.Select(s => phase(s).JitMilliseconds)));
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Cold roster ÷ warm roster: median {Median(Samples.Select(s => s.ColdToWarm)):F2}× (per process: {string.Join(", ", Samples.Select(s => s.ColdToWarm.ToString("F2", CultureInfo.InvariantCulture)))}).");
        if (RosterJitByNamespace.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Methods JIT-compiled during the cold roster (one more process, listing them), by namespace:");
            text.AppendLine();
            text.AppendLine("| methods | namespace |");
            text.AppendLine("| ---: | --- |");
            foreach (var (ns, methods) in RosterJitByNamespace.Take(25))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {methods} | {ns} |");
            }
        }

        return text.ToString();

        void Row(string name, double wall, double? methods, double? milliseconds) =>
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {wall:F3} s | {(methods is { } m ? m.ToString("F0", CultureInfo.InvariantCulture) : "—")} | {(milliseconds is { } ms ? ms.ToString("F0", CultureInfo.InvariantCulture) + " ms" : "—")} |");
    }
}
