using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using GenesysCloud.Extensions.Benchmarks.Cold;
using GenesysCloud.Extensions.Benchmarks.Micro;
using GenesysCloud.Extensions.Benchmarks.Workloads;

// dotnet run -c Release --project eng/benchmarks/GenesysCloud.Extensions.Benchmarks -- workloads [--quick] [--only W1,W3,W5] [--modes Adaptive,Fixed] [--bulk 50/10] [--latency 50-150] [--output path]
// dotnet run -c Release --project eng/benchmarks/GenesysCloud.Extensions.Benchmarks -- micro [--quick]
// dotnet run -c Release --project eng/benchmarks/GenesysCloud.Extensions.Benchmarks -- cold [--runs 3] [--latency 50-150] [--output path]
var command = args.Length > 0 ? args[0] : "workloads";
var quick = args.Contains("--quick");
if (Environment.GetEnvironmentVariable("GC_BENCH_MIN_THREADS") is { } minThreads)
{
    ThreadPool.SetMinThreads(int.Parse(minThreads, System.Globalization.CultureInfo.InvariantCulture), int.Parse(minThreads, System.Globalization.CultureInfo.InvariantCulture));
}

switch (command)
{
    case "micro":
    {
        // In process: no child project to build (the generated API takes minutes to compile on a small machine).
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance);
        job = quick ? job.WithWarmupCount(1).WithIterationCount(3) : job.WithWarmupCount(5).WithIterationCount(30).WithMinIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250));
        var config = DefaultConfig.Instance.AddJob(job.AsDefault()).WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkRunner.Run<PipelineBenchmarks>(config);
        return 0;
    }

    case "workloads":
    {
        var only = Option("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var output = Option("--output") ?? Path.Combine("artifacts", "benchmarks", quick ? "workloads-quick.json" : "workloads.json");
        var workloadOptions = quick ? WorkloadOptions.Quick : WorkloadOptions.Full;
        if (Option("--latency") is { } latency)
        {
            // "50-150" or "0": the simulator's latency range in milliseconds (to separate CPU cost from waiting).
            var range = latency.Split('-');
            workloadOptions = workloadOptions with
            {
                MinLatency = TimeSpan.FromMilliseconds(double.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture)),
                MaxLatency = TimeSpan.FromMilliseconds(double.Parse(range[^1], System.Globalization.CultureInfo.InvariantCulture)),
            };
        }

        if (Option("--bulk") is { } bulk)
        {
            // "50/10": W2's window budget and length in seconds (the issue's two budgets: 50/10 and 100/10).
            var parts = bulk.Split('/');
            workloadOptions = workloadOptions with
            {
                BulkWindowBudget = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
                BulkWindow = TimeSpan.FromSeconds(double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)),
            };
        }

        var modes = Option("--modes")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Enum.Parse<GenesysCloud.Extensions.Options.GenesysCloudPacingMode>).ToList();
        var runner = new WorkloadRunner(workloadOptions, Console.Out);
        Console.WriteLine($"Workloads ({(quick ? "quick" : "full")}), {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var results = await runner.RunAllAsync(only, modes);
        Console.WriteLine();
        Console.WriteLine(WorkloadReport.ToMarkdown(results));
        await WorkloadReport.WriteJsonAsync(results, output);
        Console.WriteLine($"JSON: {Path.GetFullPath(output)}");
        return results.All(r => r.Errors == 0 && r.Completed == r.Calls) ? 0 : 1;
    }

    case "cold":
    {
        // Each run a fresh process (this program, "cold-process"); the standalone simulator in another process.
        var runs = int.Parse(Option("--runs") ?? "3", System.Globalization.CultureInfo.InvariantCulture);
        var output = Option("--output") ?? Path.Combine("artifacts", "benchmarks", "cold.json");
        Console.WriteLine($"Cold start ({runs} fresh processes), {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var report = await new ColdStartRunner(runs, Option("--latency") ?? "50-150", pageSize: 100, Console.Out).RunAsync();
        Console.WriteLine();
        Console.WriteLine(report.ToMarkdown());
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, System.Text.Json.JsonSerializer.Serialize(report, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web) { WriteIndented = true }));
        Console.WriteLine($"JSON: {Path.GetFullPath(output)}");
        return 0;
    }

    case "cold-process" when args.Length == 5:
        return await ColdStartProcess.RunAsync(new Uri(args[1]), args[2], args[3], int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture));

    default:
        Console.Error.WriteLine("usage: (micro | workloads | cold) [--quick] [--only W1,W2,W3,W4,W5] [--modes Adaptive,Fixed] [--bulk budget/seconds] [--runs n] [--latency min-max] [--output path]");
        return 2;
}

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
