using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.ReliabilityTests.Infrastructure;
using GenesysCloud.Extensions.Requests;
using GenesysCloud.Extensions.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using Xunit.Abstractions;

namespace GenesysCloud.Extensions.ReliabilityTests;

/// <summary>
/// The promises outside fault and security probes broke (issue 16), one scenario each: credentials in structured log
/// state, shutdown past the host's timeout, transport re-sends of bodyless POSTs, retried calls losing their place,
/// unbounded <c>Retry-After</c>, unbounded response bodies, lone surrogates, and a spent budget carried to a new token.
/// </summary>
public sealed class HardeningTests(ITestOutputHelper output)
{
    [Fact]
    public async Task No_credential_reaches_any_log_state_scope_or_exported_log_attribute_at_trace_level()
    {
        var tokens = new ConcurrentQueue<string>();
        var state = new StructuredLogCapture();
        var exported = new List<LogRecord>();
        string secret;
        await using (var h = await ReliabilityHost.StartAsync(
            client: o => { o.MaxRetries = 1; o.Retry.BaseDelay = TimeSpan.Zero; o.Retry.MaxDelay = TimeSpan.Zero; },
            host: b =>
            {
                b.Logging.AddProvider(state);
                b.Logging.AddOpenTelemetry(o =>
                {
                    o.IncludeScopes = true;
                    o.IncludeFormattedMessage = true;
                    o.AddInMemoryExporter(exported);
                });
                b.Services.AddHttpClient(ReliabilityHost.OAuthClientName).AddHttpMessageHandler(() => new TokenSniffer(tokens));
            }))
        {
            secret = h.Sim.ClientSecret;
            await h.Client.SendAsync(CallLedger.Get(1));
            h.Sim.Faults.Add(SimulatorFault.Status(401, "GET", "/api/v2/routing/queues", count: 1)); // refresh once and re-send
            await h.Client.SendAsync(CallLedger.Get(2));
            await h.StopAsync();
        }

        Assert.True(tokens.Count >= 2, $"{tokens.Count} tokens captured");
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{GenesysCloudSimulatorOptions.DefaultClientId}:{secret}"));
        string[] forbidden = [secret, basic, .. tokens];
        var everything = state.Entries.Concat(exported.Select(Describe)).ToList();
        Assert.Contains(everything, e => e.Contains("GenesysCloud", StringComparison.Ordinal));
        foreach (var value in forbidden)
        {
            var leak = everything.FirstOrDefault(e => e.Contains(value, StringComparison.Ordinal));
            Assert.True(leak is null, $"A credential leaked into a log entry: {leak}");
        }

        Figures.Record(output, "credentials in structured log state (Trace)", $"{state.Entries.Count} entries walked (message, state values recursively, scopes, exceptions) and {exported.Count} OpenTelemetry log records (attributes, scopes): no secret, no Basic credential, none of {tokens.Count} tokens");
    }

    [Fact]
    public async Task Stop_is_bounded_by_the_shutdown_token_even_when_the_token_deletion_is_rate_limited()
    {
        await using var h = await ReliabilityHost.StartAsync();
        await h.Client.SendAsync(CallLedger.Get(1));

        // The token deletion is answered 429 with Retry-After 30 s (the budget is spent when the host stops).
        h.Sim.Faults.Add(SimulatorFault.Status(429, "DELETE", "/api/v2/tokens/me", count: 100, retryAfter: TimeSpan.FromSeconds(30)));

        // The fake clock never moves: a wait on it (the 429's Retry-After) could only end through the shutdown token.
        using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var watch = Stopwatch.StartNew();
        await h.Host.StopAsync(shutdown.Token).WaitAsync(TimeSpan.FromSeconds(30));
        watch.Stop();

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.True(h.Client.State is GenesysCloudClientState.Closed or GenesysCloudClientState.Failed, $"state {h.Client.State}");
        Assert.Contains(h.Logs.Entries, e => e.StartsWith("Warning", StringComparison.Ordinal) && e.Contains("token", StringComparison.OrdinalIgnoreCase));
        Figures.Record(output, "stop with a rate-limited token deletion", $"shutdown token 2 s: StopAsync returned after {watch.Elapsed.TotalSeconds:F1} s, state {h.Client.State}");
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PATCH")]
    public async Task A_bodyless_non_idempotent_request_is_delivered_once_when_the_server_closes_after_reading_it(string method)
    {
        await using var sim = await GenesysCloudSimulator.StartAsync(new GenesysCloudSimulatorOptions { RateLimit = null });
        await using var api = ResettingServer.Start();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGenesysCloud(o =>
        {
            o.ClientId = sim.ClientId;
            o.ClientSecret = sim.ClientSecret;
            o.ApiBaseAddress = new Uri($"http://127.0.0.1:{api.Port}/");
            o.LoginBaseAddress = sim.LoginBaseAddress;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(1);
        });
        using var host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<IGenesysCloudClient>();

        // A first call leaves a pooled connection: the handler's silent retry applies to requests sent on a reused one.
        await client.SendAsync(new GenesysCloudRequest(HttpMethod.Get, "/api/v2/routing/queues"));
        var action = new GenesysCloudRequest(new HttpMethod(method), "/api/v2/conversations/calls/{conversationId}/participants/{participantId}/replace")
            .WithPathParameter("conversationId", "c1")
            .WithPathParameter("participantId", "p1");
        var error = await Assert.ThrowsAsync<GenesysCloudTransportException>(() => client.SendAsync(action));
        await host.StopAsync();

        Assert.Equal(1, error.Attempts);
        Assert.Equal(1, api.Deliveries(method));
        Figures.Record(output, $"bodyless {method}, server closes after reading", $"delivered {api.Deliveries(method)} time(s), reported {error.Attempts} attempt(s)");
    }

    [Fact]
    public async Task A_retried_call_goes_to_the_head_of_the_backlog_instead_of_behind_later_calls()
    {
        await ReliabilityHost.RunAsync(async h =>
        {
            h.Sim.Faults.Add(SimulatorFault.Status(503, "GET", "/api/v2/routing/queues", count: 1));
            var first = h.Client.SendAsync(CallLedger.Get(0));
            var later = Enumerable.Range(1, 60).Select(i => h.Client.SendAsync(CallLedger.Get(i))).ToArray();
            await h.DriveAsync(Task.WhenAll([first, .. later]), TimeSpan.FromMilliseconds(100));

            var order = h.Sim.Inspector.Requests.Where(r => r.Path == "/api/v2/routing/queues").ToList();
            var attempts = order.Select((r, i) => (r, i)).Where(x => x.r.RawTarget.EndsWith("rid=0", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, attempts.Count);
            var retryPosition = attempts[1].i;
            var gap = attempts[1].r.Timestamp - attempts[0].r.Timestamp;

            // Backoff is at most Retry:MaxDelay (2 s) and the spacing 100 ms: the retry starts within about 21 starts of
            // the first attempt. Behind the backlog it would start after all 60 later calls (6 s later).
            Assert.True(retryPosition <= 25, $"the retry was request {retryPosition} of {order.Count}, {gap} after the first attempt");
            Assert.True(gap <= TimeSpan.FromSeconds(2.5), $"the retry started {gap} after the first attempt");
            Figures.Record(output, "retried call keeps its place", $"503 then retry: the retry was request {retryPosition} of {order.Count}, {gap.TotalSeconds:F1} s after the first attempt (60 calls queued behind it at 100 ms spacing)");
        },
        client: o =>
        {
            o.RateLimiting.Mode = GenesysCloudPacingMode.Fixed;
            o.RateLimiting.TimeBetweenRequests = TimeSpan.FromMilliseconds(100);
            o.RateLimiting.MaxConcurrentRequests = 1;
            o.Retry.BaseDelay = TimeSpan.FromSeconds(1);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        });
    }

    [Fact]
    public async Task A_503_retry_after_beyond_the_bound_ends_the_call_with_that_503()
    {
        await ReliabilityHost.RunAsync(async h =>
        {
            h.Sim.Faults.Add(SimulatorFault.Status(503, "GET", "/api/v2/routing/queues", count: 5, retryAfter: TimeSpan.FromSeconds(3600)));
            var start = h.Clock!.GetUtcNow();
            var call = h.Client.SendAsync(CallLedger.Get(1));
            var error = await Assert.ThrowsAsync<GenesysCloudApiException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
            Assert.Equal(1, error.Attempts);
            Assert.Equal(start, h.Clock.GetUtcNow());
            Assert.Single(CallLedger.RequestsById(h.Sim.Inspector)[1]);
            Figures.Record(output, "503 with Retry-After 3600 s", $"ended at once with the 503 after {error.Attempts} attempt (bound Retry:MaxRetryAfter)");
        });
    }

    [Fact]
    public async Task A_response_over_max_response_content_length_ends_with_a_typed_error_and_is_not_resent()
    {
        await using var sim = await GenesysCloudSimulator.StartAsync(new GenesysCloudSimulatorOptions { RateLimit = null });
        await using var api = BigBodyServer.Start(declaredLength: 3L * 1024 * 1024 * 1024);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGenesysCloud(o =>
        {
            o.ClientId = sim.ClientId;
            o.ClientSecret = sim.ClientSecret;
            o.ApiBaseAddress = new Uri($"http://127.0.0.1:{api.Port}/");
            o.LoginBaseAddress = sim.LoginBaseAddress;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(1);
        });
        using var host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<IGenesysCloudClient>();

        var error = await Assert.ThrowsAsync<GenesysCloudResponseFormatException>(() => client.SendAsync(new GenesysCloudRequest(HttpMethod.Get, "/api/v2/routing/queues")));
        Assert.Equal(GenesysCloudErrorCodes.ResponseTooLarge, error.ErrorCode);
        Assert.Equal(1, api.Requests);
        await host.StopAsync();
        Figures.Record(output, "3 GiB response (MaxResponseContentLength 64 MiB)", $"{error.ErrorCode}, requested {api.Requests} time(s)");
    }

    [Fact]
    public async Task A_large_body_under_the_limit_costs_about_its_size_to_read()
    {
        const int Size = 48 * 1024 * 1024;
        await using var sim = await GenesysCloudSimulator.StartAsync(new GenesysCloudSimulatorOptions { RateLimit = null });
        await using var api = BigBodyServer.Start(declaredLength: Size);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGenesysCloud(o =>
        {
            o.ClientId = sim.ClientId;
            o.ClientSecret = sim.ClientSecret;
            o.ApiBaseAddress = new Uri($"http://127.0.0.1:{api.Port}/");
            o.LoginBaseAddress = sim.LoginBaseAddress;
        });
        using var host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<IGenesysCloudClient>();
        await client.SendAsync(new GenesysCloudRequest(HttpMethod.Get, "/api/v2/routing/queues").WithQueryParameter("small", true));

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var response = await client.SendAsync(new GenesysCloudRequest(HttpMethod.Get, "/api/v2/routing/queues"));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        await host.StopAsync();

        Assert.Equal(Size, response.Content.Length);
        Assert.True(allocated < Size * 1.5, $"reading {Size:N0} bytes allocated {allocated:N0} bytes ({(double)allocated / Size:F2}×)");
        Figures.Record(output, "48 MiB body", $"read with {(double)allocated / Size:F2}× its size allocated");
    }

    [Fact]
    public void Unpaired_surrogates_in_path_and_query_values_fail_before_anything_is_queued()
    {
        // A loop, not theory data: the test runner would replace lone surrogates in serialized data with U+FFFD.
        foreach (var value in new[] { "a\uD800b", "\uDC00", "end\uD83D", "\uDC00\uD800" })
        {
            AssertRefused(value);
        }

        // A well-formed pair is a character like any other.
        var emoji = new GenesysCloudRequest(HttpMethod.Get, "/api/v2/users/{userId}").WithPathParameter("userId", "\uD83D\uDE00");
        Assert.Equal("api/v2/users/%F0%9F%98%80", emoji.BuildRelativeUri());
    }

    private static void AssertRefused(string value)
    {
        var path = Assert.Throws<GenesysCloudArgumentException>(() =>
            new GenesysCloudRequest(HttpMethod.Get, "/api/v2/users/{userId}").WithPathParameter("userId", value));
        Assert.Equal(GenesysCloudErrorCodes.ApiCallPathParametersInvalid, path.ErrorCode);
        var query = Assert.Throws<GenesysCloudArgumentException>(() =>
            new GenesysCloudRequest(HttpMethod.Get, "/api/v2/users").WithQueryParameter("name", value));
        Assert.Equal(GenesysCloudErrorCodes.ApiCallQueryParametersInvalid, query.ErrorCode);
        Assert.Throws<GenesysCloudArgumentException>(() =>
            new GenesysCloudRequest(HttpMethod.Get, "/api/v2/users").WithQueryParameter("names", new[] { "ok", value }));
    }

    [Fact]
    public async Task A_new_token_starts_with_no_assumed_budget()
    {
        await ReliabilityHost.RunAsync(async h =>
        {
            for (var i = 0; h.Sim.Inspector.Requests.Count(r => r.Path.StartsWith("/api/", StringComparison.Ordinal)) < 5; i++)
            {
                await h.Client.SendAsync(CallLedger.Get(i)); // until token 1's window of 600 s is spent
            }

            var spentAt = h.Clock!.GetUtcNow();
            h.Clock.Advance(TimeSpan.FromSeconds(61)); // token 1 is due for refresh (60 s before its 120 s expiry)
            var call = h.Client.SendAsync(CallLedger.Get(99));
            await h.DriveAsync(call, TimeSpan.FromSeconds(1));

            var waited = h.Clock.GetUtcNow() - spentAt;
            Assert.Equal(2, h.Sim.Inspector.TokensIssued);
            Assert.True(waited < TimeSpan.FromSeconds(120), $"the call on the new token waited until {waited} after the old token's budget was spent");
            Figures.Record(output, "spent budget, then a new token", $"the next call completed {waited.TotalSeconds:F0} s after token 1's budget was spent (its window ends at 600 s)");
        },
        simulator: s =>
        {
            s.RateLimit = 5;
            s.RateWindow = TimeSpan.FromSeconds(600);
            s.TokenLifetime = TimeSpan.FromSeconds(120);
        },
        client: o => o.TokenRefreshBeforeExpiry = TimeSpan.FromSeconds(60));
    }

    private static string Describe(LogRecord record)
    {
        var text = new StringBuilder($"otel {record.CategoryName} {record.FormattedMessage} {record.Body} {record.Exception}");
        foreach (var attribute in record.Attributes ?? [])
        {
            text.Append(' ').Append(attribute.Key).Append('=');
            StructuredLogCapture.AppendValue(text, attribute.Value, 0);
        }

        record.ForEachScope((scope, sb) =>
        {
            foreach (var item in scope)
            {
                sb.Append(" scope ").Append(item.Key).Append('=');
                StructuredLogCapture.AppendValue(sb, item.Value, 0);
            }
        }, text);
        return text.ToString();
    }

    /// <summary>Captures each entry's message, every state value (walked recursively), scopes and exception.</summary>
    private sealed class StructuredLogCapture : ILoggerProvider
    {
        public ConcurrentQueue<string> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        public static void AppendValue(StringBuilder text, object? value, int depth)
        {
            switch (value)
            {
                case null:
                    text.Append("null");
                    break;
                case string s:
                    text.Append(s);
                    break;
                case IEnumerable<KeyValuePair<string, object?>> pairs when depth < 5:
                    foreach (var pair in pairs)
                    {
                        text.Append('{').Append(pair.Key).Append('=');
                        AppendValue(text, pair.Value, depth + 1);
                        text.Append('}');
                    }

                    text.Append(' ').Append(value);
                    break;
                case IEnumerable items when depth < 5:
                    foreach (var item in items)
                    {
                        text.Append('[');
                        if (item is not null && item.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
                        {
                            AppendValue(text, t.GetProperty("Key")!.GetValue(item), depth + 1);
                            text.Append('=');
                            AppendValue(text, t.GetProperty("Value")!.GetValue(item), depth + 1);
                        }
                        else
                        {
                            AppendValue(text, item, depth + 1);
                        }

                        text.Append(']');
                    }

                    text.Append(' ').Append(value);
                    break;
                default:
                    text.Append(value);
                    break;
            }
        }

        private sealed class Logger(StructuredLogCapture owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                var text = new StringBuilder($"scope {category} ");
                AppendValue(text, state, 0);
                owner.Entries.Enqueue(text.ToString());
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var text = new StringBuilder($"{logLevel} {category} {formatter(state, exception)} ");
                AppendValue(text, state, 0);
                text.Append(' ').Append(exception);
                owner.Entries.Enqueue(text.ToString());
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

    /// <summary>
    /// A raw HTTP/1.1 server: answers GET and DELETE with 200 and keeps the connection; for any other method it reads
    /// the whole request and then closes the connection without answering, counting every delivery.
    /// </summary>
    private sealed class ResettingServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentDictionary<string, int> _deliveries = new(StringComparer.Ordinal);
        private Task? _accepting;

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Deliveries(string method) => _deliveries.TryGetValue(method, out var count) ? count : 0;

        public static ResettingServer Start()
        {
            var server = new ResettingServer();
            server._listener.Start();
            server._accepting = server.AcceptAsync();
            return server;
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
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                _ = ServeAsync(socket);
            }
        }

        private async Task ServeAsync(Socket socket)
        {
            using (socket)
            {
                var buffer = new byte[64 * 1024];
                var pending = new StringBuilder();
                try
                {
                    while (true)
                    {
                        var read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                        if (read == 0)
                        {
                            return;
                        }

                        pending.Append(Encoding.ASCII.GetString(buffer, 0, read));
                        var text = pending.ToString();
                        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                        if (end < 0)
                        {
                            continue;
                        }

                        var method = text[..text.IndexOf(' ', StringComparison.Ordinal)];
                        pending.Clear();
                        if (method is "GET" or "DELETE")
                        {
                            var body = "{\"entities\":[]}"u8.ToArray();
                            var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
                            await socket.SendAsync(head.Concat(body).ToArray(), SocketFlags.None, _stop.Token);
                            continue;
                        }

                        // Read the whole request, then close the connection without answering: the client cannot know
                        // whether the request was processed, and SocketsHttpHandler would silently re-send a request
                        // without content on a new connection (up to three more times).
                        _deliveries.AddOrUpdate(method, 1, static (_, n) => n + 1);
                        socket.Shutdown(SocketShutdown.Both);
                        return;
                    }
                }
                catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
                {
                }
            }
        }
    }

    /// <summary>
    /// A raw HTTP/1.1 server that answers every GET with a JSON body of <c>declaredLength</c> bytes (streamed from a
    /// buffer allocated once, so the server itself allocates nothing per response), or a small body when the query
    /// has <c>small</c> and to the connect probe (<c>/api/v2/tokens/me</c>); DELETE gets 200.
    /// </summary>
    private sealed class BigBodyServer : IAsyncDisposable
    {
        private static readonly byte[] Chunk = CreateChunk();
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly long _declaredLength;
        private int _requests;
        private Task? _accepting;

        private BigBodyServer(long declaredLength) => _declaredLength = declaredLength;

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Requests => Volatile.Read(ref _requests);

        public static BigBodyServer Start(long declaredLength)
        {
            var server = new BigBodyServer(declaredLength);
            server._listener.Start();
            server._accepting = server.AcceptAsync();
            return server;
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

        private static byte[] CreateChunk()
        {
            var chunk = new byte[1024 * 1024];
            chunk.AsSpan().Fill((byte)' ');
            return chunk;
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                _ = ServeAsync(socket);
            }
        }

        private async Task ServeAsync(Socket socket)
        {
            using (socket)
            {
                var buffer = new byte[16 * 1024];
                var pending = new StringBuilder();
                try
                {
                    while (true)
                    {
                        var read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                        if (read == 0)
                        {
                            return;
                        }

                        pending.Append(Encoding.ASCII.GetString(buffer, 0, read));
                        var text = pending.ToString();
                        if (!text.Contains("\r\n\r\n", StringComparison.Ordinal))
                        {
                            continue;
                        }

                        pending.Clear();
                        var requestLine = text[..text.IndexOf('\r', StringComparison.Ordinal)];
                        if (requestLine.StartsWith("DELETE", StringComparison.Ordinal) || requestLine.Contains("small", StringComparison.Ordinal) || requestLine.Contains("/tokens/me", StringComparison.Ordinal))
                        {
                            var small = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
                            await socket.SendAsync(small, SocketFlags.None, _stop.Token);
                            continue;
                        }

                        Interlocked.Increment(ref _requests);
                        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {_declaredLength}\r\n\r\n");
                        await socket.SendAsync(head, SocketFlags.None, _stop.Token);
                        await socket.SendAsync("{\"entities\":[]"u8.ToArray(), SocketFlags.None, _stop.Token);
                        var left = _declaredLength - "{\"entities\":[]".Length - 1;
                        while (left > 0)
                        {
                            var n = (int)Math.Min(left, Chunk.Length);
                            await socket.SendAsync(Chunk.AsMemory(0, n), SocketFlags.None, _stop.Token);
                            left -= n;
                        }

                        await socket.SendAsync("}"u8.ToArray(), SocketFlags.None, _stop.Token);
                    }
                }
                catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
                {
                }
            }
        }
    }
}
