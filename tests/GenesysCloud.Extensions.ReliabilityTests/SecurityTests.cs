using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.ReliabilityTests.Infrastructure;
using GenesysCloud.Extensions.Requests;
using GenesysCloud.Extensions.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace GenesysCloud.Extensions.ReliabilityTests;

/// <summary>The credentials the client holds never leak: not in logs, exceptions, traces or metrics, and never to another host.</summary>
public sealed class SecurityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Secret_and_tokens_never_appear_in_logs_exceptions_traces_or_metric_attributes()
    {
        var captured = new ConcurrentQueue<string>();
        var tokens = new ConcurrentQueue<string>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "GenesysCloud.Extensions" or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                captured.Enqueue($"span {a.Source.Name} {a.DisplayName} {a.StatusDescription}");
                foreach (var tag in a.TagObjects)
                {
                    captured.Enqueue($"tag {tag.Key}={tag.Value}");
                }

                foreach (var e in a.Events)
                {
                    captured.Enqueue($"event {e.Name} " + string.Join(";", e.Tags.Select(t => $"{t.Key}={t.Value}")));
                }

                foreach (var item in a.Baggage)
                {
                    captured.Enqueue($"baggage {item.Key}={item.Value}");
                }
            },
        };
        ActivitySource.AddActivityListener(activities);
        var measurements = 0;
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) => listener.EnableMeasurementEvents(instrument),
        };
        void OnMeasurement<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        {
            Interlocked.Increment(ref measurements);
            var text = new StringBuilder($"metric {instrument.Meter.Name} {instrument.Name}");
            foreach (var tag in tags)
            {
                text.Append(' ').Append(tag.Key).Append('=').Append(tag.Value);
            }

            captured.Enqueue(text.ToString());
        }

        meters.SetMeasurementEventCallback<long>(OnMeasurement);
        meters.SetMeasurementEventCallback<int>(OnMeasurement);
        meters.SetMeasurementEventCallback<double>(OnMeasurement);
        meters.Start();

        string secret;
        var logs = new List<string>();
        var errors = new List<string>();
        await using (var h = await ReliabilityHost.StartAsync(
            simulator: s => s.TokenLifetime = TimeSpan.FromMinutes(10),
            client: o => { o.MaxRetries = 1; o.Retry.BaseDelay = TimeSpan.Zero; o.Retry.MaxDelay = TimeSpan.Zero; },
            host: b => b.Services.AddHttpClient(ReliabilityHost.OAuthClientName).AddHttpMessageHandler(() => new TokenSniffer(tokens))))
        {
            secret = h.Sim.ClientSecret;
            await h.Client.SendAsync(CallLedger.Get(1));
            h.Sim.Faults.Add(SimulatorFault.Of(SimulatorFaultKind.ResetConnection, "POST", "/api/v2/routing/wrapupcodes"));
            errors.Add((await Assert.ThrowsAsync<GenesysCloudTransportException>(() => h.Client.SendAsync(CallLedger.Post(2)))).ToString());
            errors.Add((await Assert.ThrowsAsync<GenesysCloudApiException>(() => h.Client.SendAsync(
                new GenesysCloudRequest(HttpMethod.Get, "/api/v2/routing/queues/{queueId}").WithPathParameter("queueId", "missing")))).ToString());
            h.Clock!.Advance(TimeSpan.FromMinutes(11)); // expired: the next call waits for a refresh
            await h.Client.SendAsync(CallLedger.Get(3));
            h.Sim.Faults.Add(SimulatorFault.Status(401, "GET", "/api/v2/routing/queues", count: 1)); // a 401: refresh once and re-send
            await h.Client.SendAsync(CallLedger.Get(4));
            // The token endpoint fails until the faults are cleared: the background refresh the clock starts and the
            // refresh the call waits for both fail, whichever runs first.
            h.Sim.Faults.Add(SimulatorFault.Status(500, "POST", "/oauth/token", count: 100));
            h.Clock.Advance(TimeSpan.FromMinutes(11));
            errors.Add((await Assert.ThrowsAsync<GenesysCloudAuthenticationException>(() => h.Client.SendAsync(CallLedger.Get(5)))).ToString());
            h.Sim.Faults.Clear();
            await h.Client.SendAsync(CallLedger.Get(6));
            await h.StopAsync();
            Assert.Equal(1, h.Sim.Inspector.TokensDeleted);
            logs.AddRange(h.Logs.Entries);
        }

        // Wrong secret: the start-up failure and its logs.
        await using (var sim = await GenesysCloudSimulator.StartAsync())
        {
            var wrongSecret = "wrong-secret-" + Guid.NewGuid().ToString("N");
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace);
            var wrongLogs = new CapturingLoggerProvider();
            builder.Logging.AddProvider(wrongLogs);
            builder.Services.AddGenesysCloud(o =>
            {
                o.ClientId = sim.ClientId;
                o.ClientSecret = wrongSecret;
                o.ApiBaseAddress = sim.ApiBaseAddress;
                o.LoginBaseAddress = sim.LoginBaseAddress;
            });
            using var host = builder.Build();
            var failure = await Assert.ThrowsAsync<GenesysCloudAuthenticationException>(() => host.StartAsync());
            Assert.Equal(GenesysCloudErrorCodes.AuthenticationFailure, failure.ErrorCode);
            Assert.DoesNotContain(wrongSecret, failure.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(wrongLogs.Entries, e => e.Contains(wrongSecret, StringComparison.Ordinal));
            errors.Add(failure.ToString());
        }

        Assert.True(tokens.Count >= 3, $"{tokens.Count} tokens captured"); // connect + expiry refresh + 401 refresh (+ recovery)
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{GenesysCloudSimulatorOptions.DefaultClientId}:{secret}"));
        string[] forbidden = [secret, basic, .. tokens];
        var everything = logs.Select(l => ("log", l)).Concat(errors.Select(e => ("exception", e))).Concat(captured.Select(c => ("telemetry", c))).ToList();
        Assert.NotEmpty(logs);
        Assert.Contains(captured, c => c.StartsWith("span GenesysCloud.Extensions", StringComparison.Ordinal));
        Assert.Contains(captured, c => c.StartsWith("span System.Net.Http", StringComparison.Ordinal));
        Assert.Contains(captured, c => c.Contains("genesyscloud.client.call.duration", StringComparison.Ordinal));
        foreach (var value in forbidden)
        {
            var leak = everything.FirstOrDefault(e => e.Item2.Contains(value, StringComparison.Ordinal));
            Assert.True(leak == default, $"A credential leaked into a {leak.Item1}: {leak.Item2}");
        }

        Figures.Record(output, "credentials in logs, exceptions, traces, metrics", $"{logs.Count} log entries (all levels), {errors.Count} exceptions, {captured.Count(c => c.StartsWith("span", StringComparison.Ordinal))} spans, {measurements} measurements scanned for the secret, its Basic form and {tokens.Count} tokens: none found");
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/")]
    [InlineData("http://localhost:8080/")]
    [InlineData("http://[::1]:8080/")]
    [InlineData("https://api.example.com/")]
    [InlineData("https://api.mypurecloud.com/")]
    public void Base_addresses_may_be_http_only_on_loopback(string address)
    {
        using var host = BuildWithAddresses(new Uri(address));
        _ = host.Services.GetRequiredService<IOptions<GenesysCloudOptions>>().Value; // validates
    }

    [Theory]
    [InlineData("http://api.example.com/")]
    [InlineData("http://127.0.0.1.evil.example/")]
    [InlineData("http://localhost.evil.example/")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("ftp://127.0.0.1/")]
    public void Base_addresses_must_be_https_unless_loopback(string address)
    {
        using var host = BuildWithAddresses(new Uri(address));
        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<GenesysCloudOptions>>().Value);
        Assert.Contains("GenesysCloud:ApiBaseAddress", error.Message, StringComparison.Ordinal);
        Assert.Contains("GenesysCloud:LoginBaseAddress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_is_deleted_on_shutdown_and_no_call_is_accepted_afterwards()
    {
        var tokens = new ConcurrentQueue<string>();
        await using var h = await ReliabilityHost.StartAsync(fakeClock: false, host: b => b.Services.AddHttpClient(ReliabilityHost.OAuthClientName).AddHttpMessageHandler(() => new TokenSniffer(tokens)));
        await h.Client.SendAsync(CallLedger.Get(1));
        await h.StopAsync();

        Assert.Equal(1, h.Sim.Inspector.TokensDeleted);
        Assert.Equal(GenesysCloudClientState.Closed, h.Client.State);
        await Assert.ThrowsAsync<GenesysCloudClientStateException>(() => h.Client.SendAsync(CallLedger.Get(2)));
        using var raw = new HttpClient { BaseAddress = h.Sim.ApiBaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v2/tokens/me");
        request.Headers.Authorization = new("Bearer", Assert.Single(tokens));
        using var response = await raw.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode); // the server no longer honours it
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_redirect_to_another_host_is_not_followed_and_the_other_host_receives_nothing(int status)
    {
        await using var foreign = ForeignHost.Start();
        await using var sim = await GenesysCloudSimulator.StartAsync(new GenesysCloudSimulatorOptions { RateLimit = null });
        await using var api = await RedirectingApiAsync(status, $"http://127.0.0.2:{foreign.Port}/api/v2/routing/queues");
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGenesysCloud(o =>
        {
            o.ClientId = sim.ClientId;
            o.ClientSecret = sim.ClientSecret;
            o.ApiBaseAddress = new Uri(api.Urls.First() + "/");
            o.LoginBaseAddress = sim.LoginBaseAddress;
            o.MaxRetries = 0;
        });
        using var host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<IGenesysCloudClient>();

        var error = await Assert.ThrowsAsync<GenesysCloudApiException>(() => client.SendAsync(CallLedger.Get(1)));
        Assert.Equal(status, (int)error.StatusCode);
        await host.StopAsync();
        Assert.Equal(0, foreign.Connections);
    }

    [Fact]
    public async Task An_absolute_URL_to_another_host_cannot_be_requested()
    {
        await using var foreign = ForeignHost.Start();
        var elsewhere = $"http://127.0.0.2:{foreign.Port}/api/v2/routing/queues";
        Assert.Throws<GenesysCloudArgumentException>(() => new GenesysCloudRequest(HttpMethod.Get, elsewhere));
        Assert.Throws<GenesysCloudArgumentException>(() => new GenesysCloudRequest(HttpMethod.Get, $"//127.0.0.2:{foreign.Port}/api/v2/routing/queues"));
        Assert.Throws<GenesysCloudArgumentException>(() => new GenesysCloudRequest(HttpMethod.Get, "/api/v2/../../x"));

        await ReliabilityHost.RunAsync(async h =>
        {
            // Even a hand-made request through the client's own HttpClient: the token handler refuses the foreign host.
            var http = h.Host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("GenesysCloud");
            await Assert.ThrowsAsync<GenesysCloudArgumentException>(() => http.GetAsync(new Uri(elsewhere)));
        }, fakeClock: false);
        Assert.Equal(0, foreign.Connections);
    }

    private static IHost BuildWithAddresses(Uri address)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGenesysCloud(o =>
        {
            o.ClientId = GenesysCloudSimulatorOptions.DefaultClientId;
            o.ClientSecret = "s";
            o.ApiBaseAddress = address;
            o.LoginBaseAddress = address;
        });
        return builder.Build();
    }

    private static async Task<WebApplication> RedirectingApiAsync(int status, string location)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(context =>
        {
            if (context.Request.Method == "DELETE")
            {
                context.Response.StatusCode = 200; // the token deletion on shutdown
                return Task.CompletedTask;
            }

            context.Response.StatusCode = status;
            context.Response.Headers.Location = location;
            return Task.CompletedTask;
        });
        await app.StartAsync();
        return app;
    }

    /// <summary>Another host, on 127.0.0.2: counts every connection it is offered.</summary>
    private sealed class ForeignHost : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Parse("127.0.0.2"), 0);
        private readonly CancellationTokenSource _stop = new();
        private int _connections;
        private Task? _accepting;

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Connections => Volatile.Read(ref _connections);

        public static ForeignHost Start()
        {
            var host = new ForeignHost();
            host._listener.Start();
            host._accepting = host.AcceptAsync();
            return host;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            try
            {
                await _accepting!;
            }
            catch (OperationCanceledException)
            {
            }

            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                using var socket = await _listener.AcceptSocketAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
            }
        }
    }

    /// <summary>Reads the access tokens out of the token endpoint's answers, so the test knows what must never leak.</summary>
    private sealed class TokenSniffer(ConcurrentQueue<string> tokens) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode && request.Method == HttpMethod.Post)
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                if (json.RootElement.TryGetProperty("access_token", out var token))
                {
                    tokens.Enqueue(token.GetString()!);
                }
            }

            return response;
        }
    }
}
