using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GenesysCloud.Extensions.Benchmarks.Workloads;

/// <summary>Prints the results as a Markdown table and writes them as JSON.</summary>
public static class WorkloadReport
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string ToMarkdown(IReadOnlyList<WorkloadResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| workload | mode | setup | calls completed | errors | 429s | wall | bound | wall ÷ bound | notes |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in results)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {r.Workload} | {r.Mode} | {r.Setup} | {r.Completed:N0}/{r.Calls:N0} | {r.Errors} | {r.TooManyRequests} | {r.WallSeconds:F2} s | ");
            text.Append(r.BoundSeconds is { } b ? string.Create(CultureInfo.InvariantCulture, $"{r.BoundName} {b:F2} s | {r.WallToBound:F2}× | ") : "— | — | ");
            text.Append(Notes(r)).AppendLine(" |");
        }

        return text.ToString();
    }

    public static async Task WriteJsonAsync(IReadOnlyList<WorkloadResult> results, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, new
        {
            machine = new { Environment.ProcessorCount, os = Environment.OSVersion.ToString(), runtime = Environment.Version.ToString() },
            timestamp = DateTimeOffset.UtcNow,
            results,
        }, JsonOptions);
    }

    private static string Notes(WorkloadResult r)
    {
        var m = r.Metrics;
        return r.Workload switch
        {
            "W1 queue roster" => Format($"{m.GetValueOrDefault("queues"):0} queues, {m.GetValueOrDefault("members"):0} members, {m.GetValueOrDefault("sequentialRoundTrips"):0} sequential round trips × {m.GetValueOrDefault("meanLatencySeconds"):F3} s mean latency"),
            "W2 bulk" => Format($"{m.GetValueOrDefault("achievedRatePerSecond"):F1}/s achieved ÷ {m.GetValueOrDefault("allowedRatePerSecond"):F1}/s allowed = {m.GetValueOrDefault("achievedRatePerSecond") / m.GetValueOrDefault("allowedRatePerSecond"):P0}; fastest legal schedule ({m.GetValueOrDefault("windows"):0} windows) ÷ wall = {m.GetValueOrDefault("fractionOfAllowedRate"):P0}; {m.GetValueOrDefault("tooManyRequestsPerTenWindows"):F1} 429s per 10 windows"),
            "W3 burst under budget" => Format($"{m.GetValueOrDefault("batches"):0} batches of {m.GetValueOrDefault("maxConcurrentRequests"):0} × {m.GetValueOrDefault("meanLatencySeconds"):F3} s; max {m.GetValueOrDefault("maxConcurrentAtServer"):0} concurrent at the server"),
            "W4 backlog" => Format($"{m.GetValueOrDefault("bytesPerQueuedCall"):N0} B per queued call ({m.GetValueOrDefault("backlogAfterEnqueue"):N0} queued), peak managed {m.GetValueOrDefault("peakManagedBytes") / 1048576:F0} MiB, working set {m.GetValueOrDefault("peakWorkingSetBytes") / 1048576:F0} MiB, thread-pool threads {m.GetValueOrDefault("threadPoolThreadsBefore"):0} → peak {m.GetValueOrDefault("threadPoolThreadsPeak"):0}, {m.GetValueOrDefault("callsPerSecond"):N0} calls/s"),
            _ => string.Empty,
        };
    }

    private static string Format(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
