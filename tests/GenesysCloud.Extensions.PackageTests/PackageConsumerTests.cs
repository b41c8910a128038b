using Xunit.Abstractions;

namespace GenesysCloud.Extensions.PackageTests;

/// <summary>
/// The packages as a user gets them: packed from the built projects (a version of their own, so no cached package
/// stands in), referenced by a program in a directory outside the repository (no Directory.Build.props, no central
/// versions, no project references), restored, built and run in a fresh process against the simulator package.
/// </summary>
public sealed class PackageConsumerTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);
    private readonly string _work = Directory.CreateTempSubdirectory("gc-package-").FullName;

    [Fact]
    public async Task A_program_built_against_the_packages_alone_connects_calls_and_stops_cleanly()
    {
        var repository = FindRepository();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0
        var version = $"0.1.0-consumer.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        var packages = Directory.CreateDirectory(Path.Combine(_work, "packages")).FullName;

        foreach (var project in new[] { "GenesysCloud.Extensions.Core", "GenesysCloud.Extensions", "GenesysCloud.Extensions.Simulator" })
        {
            var (code, output) = await DotnetProcess.RunAsync(repository, Bound, null,
                "pack", Path.Combine("src", project, project + ".csproj"), "-c", configuration, "--no-build", "-o", packages,
                $"-p:Version={version}", "-p:IncludeSymbols=false", "-p:EnablePackageValidation=false");
            Assert.True(code == 0, $"pack {project}:\n{output}");
        }

        // A NuGet cache of its own for what is packed here, over the machine's cache for everything else.
        var consumer = Directory.CreateDirectory(Path.Combine(_work, "consumer")).FullName;
        var template = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Consumer", "Consumer.csproj.template"));
        await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), template.Replace("$PACKAGES$", packages, StringComparison.Ordinal).Replace("$VERSION$", version, StringComparison.Ordinal));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Consumer", "Program.cs"), Path.Combine(consumer, "Program.cs"));
        var environment = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = Path.Combine(_work, "nuget"),
            ["RestoreFallbackFolders"] = MachinePackageCache(),
        };

        var (exit, result) = await DotnetProcess.RunAsync(consumer, Bound, environment, "run", "-c", "Release");

        Assert.True(exit == 0, $"the consumer failed:\n{result}");
        var line = result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
        output.WriteLine(line);
        Assert.Matches(@"^queues=40 users=[1-9][0-9]* notFound=404 state=Idle tokensDeleted=2$", line);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by an ending process: the temp directory is cleaned by the machine
        }
    }

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GenesysCloud.Extensions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository (GenesysCloud.Extensions.sln) is not above " + AppContext.BaseDirectory);
    }

    private static string MachinePackageCache() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
