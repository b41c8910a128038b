using System.Diagnostics;
using System.Net;
using static GenesysCloud.Extensions.Simulator.Tests.SimulatorTestHost;

namespace GenesysCloud.Extensions.Simulator.Tests;

public sealed class StandaloneTests
{
    [Fact]
    public async Task Standalone_program_prints_its_addresses_and_credentials_and_serves_them()
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "GenesysCloud.Extensions.Simulator.dll"), "--port", "0", "--client-id", "standalone-id", "--client-secret", "standalone-secret", "--rate-limit", "5", "--seed", "3"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var lines = new List<string>();
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                if (line.Contains("Ctrl+C", StringComparison.Ordinal))
                {
                    break;
                }
            }

            var output = string.Join("\n", lines);
            Assert.Contains("Client id:          standalone-id", output, StringComparison.Ordinal);
            Assert.Contains("Client secret:      standalone-secret", output, StringComparison.Ordinal);
            var apiLine = lines.Single(static l => l.Contains("API base address:", StringComparison.Ordinal));
            var address = new Uri(apiLine[(apiLine.IndexOf("http", StringComparison.Ordinal))..].Trim());
            Assert.Equal("127.0.0.1", address.Host);

            using var client = new HttpClient { BaseAddress = address };
            using var token = await client.SendAsync(TokenRequest("standalone-id", "standalone-secret"), timeout.Token);
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
            client.DefaultRequestHeaders.Authorization = new("Bearer", (string)(await ReadObjectAsync(token))["access_token"]!);
            using var queues = await client.GetAsync("api/v2/routing/queues", timeout.Token);
            Assert.Equal(HttpStatusCode.OK, queues.StatusCode);
            Assert.Equal("5", Header(queues, "inin-ratelimit-allowed"));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
