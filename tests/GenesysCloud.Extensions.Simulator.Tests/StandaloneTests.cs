using System.Diagnostics;
using System.Net;
using static GenesysCloud.Extensions.Simulator.Tests.SimulatorTestHost;

namespace GenesysCloud.Extensions.Simulator.Tests;

public sealed class StandaloneTests
{
    // Generous for a shared, noisy machine; a clean stop takes well under a second.
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Standalone_program_prints_its_addresses_and_credentials_and_serves_them()
    {
        await using var standalone = await StandaloneProcess.StartAsync(["--port", "0", "--client-id", "standalone-id", "--client-secret", "standalone-secret", "--rate-limit", "5", "--seed", "3"]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var output = string.Join("\n", standalone.Banner);
        Assert.Contains("Client id:          standalone-id", output, StringComparison.Ordinal);
        Assert.Contains("Client secret:      standalone-secret", output, StringComparison.Ordinal);
        var address = standalone.Address("API base address:");
        Assert.Equal("127.0.0.1", address.Host);

        using var client = new HttpClient { BaseAddress = address };
        using var token = await client.SendAsync(TokenRequest("standalone-id", "standalone-secret"), timeout.Token);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        client.DefaultRequestHeaders.Authorization = new("Bearer", (string)(await ReadObjectAsync(token))["access_token"]!);
        using var queues = await client.GetAsync("api/v2/routing/queues", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, queues.StatusCode);
        Assert.Equal("5", Header(queues, "inin-ratelimit-allowed"));
    }

    [Fact]
    public async Task Standalone_program_serves_another_organization_on_its_own_host()
    {
        await using var standalone = await StandaloneProcess.StartAsync(["--port", "0", "--org", "eu", "--port", "0", "--client-id", "eu-id", "--client-secret", "eu-secret", "--pkce-client", "spa:http://localhost/cb"]);
        var banner = string.Join("\n", standalone.Banner);
        Assert.Contains("Organization eu", banner, StringComparison.Ordinal);
        Assert.Contains("AuthorizationCodePkce client: spa -> http://localhost/cb", banner, StringComparison.Ordinal);
        var euLine = standalone.Banner.SkipWhile(static l => !l.StartsWith("Organization eu", StringComparison.Ordinal)).First(static l => l.Contains("API base address:", StringComparison.Ordinal));
        var eu = new Uri(euLine[euLine.IndexOf("http", StringComparison.Ordinal)..].Trim());
        Assert.NotEqual(standalone.Address("API base address:"), eu);

        using var client = new HttpClient { BaseAddress = eu };
        using var token = await client.SendAsync(TokenRequest("eu-id", "eu-secret"));
        using var defaultHost = new HttpClient { BaseAddress = standalone.Address("API base address:") };
        using var atDefault = await defaultHost.SendAsync(TokenRequest("eu-id", "eu-secret"));
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, atDefault.StatusCode);
    }

    [Fact]
    public async Task Standalone_program_reports_bad_organization_options_and_exits_2()
    {
        var program = Path.Combine(AppContext.BaseDirectory, "GenesysCloud.Extensions.Simulator.dll");
        using var process = Process.Start(new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { program, "--org", "a", "--client-id", GenesysCloudSimulatorOptions.DefaultClientId },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("client ids are unique", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TERM", false)]
    [InlineData("INT", false)]
    [InlineData("INT", true)]
    public async Task Standalone_program_stops_cleanly_on_a_signal(string signal, bool startedWithInterruptIgnored)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // No POSIX signals to send.
        }

        await using var standalone = await StandaloneProcess.StartAsync(["--port", "0"], startedWithInterruptIgnored);
        using var client = new HttpClient { BaseAddress = standalone.Address("API base address:") };
        using (var beforeStop = await client.GetAsync("_simulator/stats"))
        {
            Assert.Equal(HttpStatusCode.OK, beforeStop.StatusCode);
        }

        var stopwatch = Stopwatch.StartNew();
        await standalone.SignalAsync(signal);
        using var bound = new CancellationTokenSource(StopBound);
        await standalone.Process.WaitForExitAsync(bound.Token);

        Assert.Equal(0, standalone.Process.ExitCode);
        Assert.True(stopwatch.Elapsed < StopBound, $"Stopped after {stopwatch.Elapsed}.");
        Assert.Contains("Stopping.", await standalone.Process.StandardOutput.ReadToEndAsync(), StringComparison.Ordinal);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("_simulator/stats"));
    }
}
