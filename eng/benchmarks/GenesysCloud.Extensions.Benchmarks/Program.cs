using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using GenesysCloud.Extensions.Benchmarks.Micro;
using GenesysCloud.Extensions.Benchmarks.Workloads;

// dotnet run -c Release --project eng/benchmarks/GenesysCloud.Extensions.Benchmarks -- workloads [--quick] [--only W1,W3] [--output path]
// dotnet run -c Release --project eng/benchmarks/GenesysCloud.Extensions.Benchmarks -- micro [--quick]
var command = args.Length > 0 ? args[0] : "workloads";
var quick = args.Contains("--quick");
switch (command)
{
    case "micro":
    {
        // In process: no child project to build (the generated API takes minutes to compile on a small machine).
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance);
        job = quick ? job.WithWarmupCount(1).WithIterationCount(3) : job.WithWarmupCount(5).WithIterationCount(20);
        var config = DefaultConfig.Instance.AddJob(job.AsDefault()).WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkRunner.Run<PipelineBenchmarks>(config);
        return 0;
    }

    case "workloads":
    {
        var only = Option("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var output = Option("--output") ?? Path.Combine("artifacts", "benchmarks", quick ? "workloads-quick.json" : "workloads.json");
        var runner = new WorkloadRunner(quick ? WorkloadOptions.Quick : WorkloadOptions.Full, Console.Out);
        Console.WriteLine($"Workloads ({(quick ? "quick" : "full")}), {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var results = await runner.RunAllAsync(only);
        Console.WriteLine();
        Console.WriteLine(WorkloadReport.ToMarkdown(results));
        await WorkloadReport.WriteJsonAsync(results, output);
        Console.WriteLine($"JSON: {Path.GetFullPath(output)}");
        return results.All(r => r.Errors == 0 && r.Completed == r.Calls) ? 0 : 1;
    }

    default:
        Console.Error.WriteLine("usage: (micro | workloads) [--quick] [--only W1,W2,W3,W4] [--output path]");
        return 2;
}

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
