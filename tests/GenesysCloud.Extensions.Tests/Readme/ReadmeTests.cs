using System.Net.Http.Json;
using System.Text.Json;
using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Simulator;
using GenesysCloud.Extensions.Tests.Integration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GenesysCloud.Extensions.Tests.Readme;

public sealed class ReadmeTests
{
    private static string RepositoryFile(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GenesysCloud.Extensions.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Repository root not found."), name);
    }

    private static string Snippet(string file, string name)
    {
        var lines = File.ReadAllLines(RepositoryFile(file));
        var begin = Array.FindIndex(lines, l => l.Trim() == $"// README:{name}:begin");
        var end = Array.FindIndex(lines, l => l.Trim() == $"// README:{name}:end");
        var body = lines[(begin + 1)..end];
        var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [Theory]
    [InlineData("tests/GenesysCloud.Extensions.Tests/Readme/QuickStart.cs", "quickstart")]
    [InlineData("tests/GenesysCloud.Extensions.Tests/Readme/QueueRoster.cs", "roster")]
    public void The_readme_shows_the_compiled_snippets_as_written(string file, string name)
    {
        var readme = File.ReadAllText(RepositoryFile("README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(Snippet(file, name), readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_quick_start_serves_every_queue_from_the_simulator()
    {
        await using var simulator = await GenesysCloudSimulator.StartAsync();
        var app = QuickStart.Build([
            $"--GenesysCloud:ClientId={simulator.ClientId}",
            $"--GenesysCloud:ClientSecret={simulator.ClientSecret}",
            $"--GenesysCloud:ApiBaseAddress={simulator.ApiBaseAddress}",
            $"--GenesysCloud:LoginBaseAddress={simulator.LoginBaseAddress}",
            "--urls=http://127.0.0.1:0",
        ]);
        await using (app)
        {
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

            var queues = await http.GetFromJsonAsync<JsonElement>("/queues");
            var ready = await http.GetStringAsync("/readyz");

            Assert.Equal(40, queues.GetArrayLength());
            Assert.Equal("Healthy", ready);
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task The_roster_example_returns_every_queue_with_its_members()
    {
        await using var harness = await SimulatorHarness.StartAsync(simulator: s => s.RateLimit = null);
        var routing = harness.Host.Services.GetRequiredService<IRoutingApi>();

        var roster = await QueueRoster.GetRosterAsync(routing, CancellationToken.None);

        Assert.Equal(40, roster.Count);
        Assert.Contains(roster.Values, members => members.Count > 100);
    }
}
