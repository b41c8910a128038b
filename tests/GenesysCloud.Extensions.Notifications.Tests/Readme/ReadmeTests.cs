using GenesysCloud.Extensions.Notifications.Tests.Infrastructure;
using GenesysCloud.Extensions.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GenesysCloud.Extensions.Notifications.Tests.Readme;

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

    private static string Snippet(string name)
    {
        var lines = File.ReadAllLines(RepositoryFile("tests/GenesysCloud.Extensions.Notifications.Tests/Readme/NotificationsReadme.cs"));
        var begin = Array.FindIndex(lines, l => l.Trim() == $"// README:{name}:begin");
        var end = Array.FindIndex(lines, l => l.Trim() == $"// README:{name}:end");
        var body = lines[(begin + 1)..end];
        var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [Theory]
    [InlineData("notifications")]
    [InlineData("handler")]
    [InlineData("subscribe")]
    public void The_readme_shows_the_compiled_snippets_as_written(string name)
    {
        var readme = File.ReadAllText(RepositoryFile("README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(Snippet(name), readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_readme_examples_receive_events_from_the_simulator()
    {
        await using var simulator = await GenesysCloudSimulator.StartAsync();
        var logs = new CapturingLoggerProvider();
        var builder = Host.CreateApplicationBuilder([
            $"--GenesysCloud:ClientId={simulator.ClientId}",
            $"--GenesysCloud:ClientSecret={simulator.ClientSecret}",
            $"--GenesysCloud:ApiBaseAddress={simulator.ApiBaseAddress}",
            $"--GenesysCloud:LoginBaseAddress={simulator.LoginBaseAddress}",
        ]);
        builder.Logging.ClearProviders().AddProvider(logs);
        NotificationsReadme.AddServices(builder, "q-readme");
        using var host = builder.Build();
        await host.StartAsync();
        var notifications = host.Services.GetRequiredService<IGenesysCloudNotifications>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await notifications.WaitUntilActiveAsync(timeout.Token);

        var presence = NotificationsReadme.FirstPresenceAsync(notifications, "u-readme", timeout.Token);
        await simulator.Notifications.WaitUntilAsync(s => s.Channels.Single().Topics.Count == 2, timeout.Token);
        simulator.Notifications.SetPresence("u-readme", "Busy");
        simulator.Notifications.StartConversation("q-readme");

        Assert.Equal("Busy", await presence);
        await Eventually.TrueAsync(() => logs.Entries.Any(e => e.Contains("Conversation c0000000-0000-4000-8000-000000000001 on v2.routing.queues.q-readme.conversations", StringComparison.Ordinal)), "the handler logged the conversation");
        await host.StopAsync(timeout.Token);
    }
}
