using System.Globalization;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.ReliabilityTests.Infrastructure;
using GenesysCloud.Extensions.Requests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace GenesysCloud.Extensions.ReliabilityTests;

/// <summary>Hostile and careless input: no value can change the shape of a request, and bad calls fail before they are queued.</summary>
public sealed class BadInputTests(ITestOutputHelper output)
{
    private const string Template = "/api/v2/routing/queues/{queueId}/members";

    public static TheoryData<string> PathValues() =>
    [
        "a/b", "../x", "..%2F..%2Fusers", "/", "//evil.example/x", "http://evil.example/", "?rid=1", "a?b=c", "#frag", "%", "%2F", "%252F", "%00",
        "a\r\nX-Injected: 1", "\n", "\t", " ", "a b", "\\..\\", "..;", "...", ".%2E", "%2e%2e", ".\u002e", "．．", "@evil.example", ":", ";x=1",
        "ünïcødé", "日本語", "😀", "\u202Eevil", "\uD800", "\uFEFF", "\0",
        new string('x', 10 * 1024), new string('€', 10 * 1024), new string('/', 10 * 1024),
    ];

    [Theory]
    [MemberData(nameof(PathValues))]
    public async Task Path_parameter_values_never_change_the_path_shape(string value)
    {
        await ReliabilityHost.RunAsync(async h =>
        {
            var before = h.CallDurations.GetMeasurementSnapshot().Count;
            GenesysCloudRequest request;
            try
            {
                request = new GenesysCloudRequest(HttpMethod.Get, Template).WithPathParameter("queueId", value).WithQueryParameter("rid", 1);
            }
            catch (GenesysCloudArgumentException)
            {
                Assert.Equal(0, h.Sim.Inspector.TotalRequests - 2); // the token request and the connect probe only
                return;
            }

            Exception? error = null;
            try
            {
                await h.Client.SendAsync(request);
            }
#pragma warning disable CA1031 // Classified below.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                error = ex;
            }

            var outcome = CallLedger.Classify(error, callerCancelled: false);
            var sent = CallLedger.RequestsById(h.Sim.Inspector).GetValueOrDefault(1) ?? [];
            if (outcome == Outcome.Argument)
            {
                // Refused by the client before anything was queued.
                Assert.Empty(sent);
                Assert.Equal(before, h.CallDurations.GetMeasurementSnapshot().Count);
                return;
            }

            Assert.True(outcome is Outcome.Success or Outcome.ApiError, $"{outcome}: {error}");
            if (sent.Count == 0)
            {
                // Refused by Kestrel before routing: longer than its request line limit (414), or %00 (400).
                Assert.Contains((int)((GenesysCloudApiException)error!).StatusCode, new[] { 400, 414 });
                return;
            }

            var recorded = Assert.Single(sent);
            Assert.Equal(Template, recorded.Route);
            Assert.Equal("getRoutingQueueMembers", recorded.Operation);
            Assert.StartsWith("/api/v2/routing/queues/", recorded.RawTarget, StringComparison.Ordinal);
            Assert.Equal(6, recorded.RawTarget.Split('?')[0].Count(c => c == '/')); // /api/v2/routing/queues/{value}/members
        }, fakeClock: false, logLevel: LogLevel.Warning);
    }

    [Fact]
    public async Task Query_values_cannot_add_parameters()
    {
        await ReliabilityHost.RunAsync(async h =>
        {
            await h.Client.SendAsync(new GenesysCloudRequest(HttpMethod.Get, "/api/v2/routing/queues")
                .WithQueryParameter("name", "x&rid=666&pageSize=500#y")
                .WithQueryParameter("rid", 7));
            var recorded = Assert.Single(CallLedger.RequestsById(h.Sim.Inspector)[7]);
            Assert.DoesNotContain(CallLedger.RequestsById(h.Sim.Inspector).Keys, k => k == 666);
            Assert.Equal(2, recorded.RawTarget.Split('?')[1].Split('&').Length);
        }, fakeClock: false);
    }

    [Theory]
    [InlineData("a\r\nX-Injected: 1")]
    [InlineData("a\nb")]
    [InlineData("a\rb")]
    [InlineData("a\0b")]
    public void Header_values_with_CR_or_LF_are_rejected(string value) =>
        Assert.Throws<GenesysCloudArgumentException>(() => new GenesysCloudRequest(HttpMethod.Get, "/api/v2/routing/queues").WithHeader("X-Note", value));

    [Theory]
    [InlineData("X-Bad Name")]
    [InlineData("X-Bad:Name")]
    [InlineData("Authorization")]
    [InlineData("")]
    public void Reserved_or_malformed_header_names_are_rejected(string name) =>
        Assert.Throws<GenesysCloudArgumentException>(() => new GenesysCloudRequest(HttpMethod.Get, "/api/v2/routing/queues").WithHeader(name, "v"));

    [Theory]
    [InlineData("café")]
    [InlineData("日本")]
    [InlineData("a\u007Fb")]
    [InlineData("a\u0001b")]
    public async Task Header_values_the_wire_cannot_carry_fail_before_anything_is_queued(string value)
    {
        await ReliabilityHost.RunAsync(async h =>
        {
            var before = h.Sim.Inspector.TotalRequests;
            var error = await Record.ExceptionAsync(() => h.Client.SendAsync(CallLedger.Get(1).WithHeader("X-Note", value)));
            Assert.IsType<GenesysCloudArgumentException>(error);
            Assert.Equal(before, h.Sim.Inspector.TotalRequests);
            Assert.Empty(h.CallDurations.GetMeasurementSnapshot());
        }, fakeClock: false, logLevel: LogLevel.Warning);
    }

    [Fact]
    public async Task Null_empty_or_missing_required_parameters_fail_with_ArgumentException_before_anything_is_queued()
    {
        await ReliabilityHost.RunAsync(async h =>
        {
            var before = h.Sim.Inspector.TotalRequests;
            Assert.Throws<GenesysCloudArgumentException>(() => new GenesysCloudRequest(HttpMethod.Get, Template).WithPathParameter("queueId", null!));
            Assert.Throws<GenesysCloudArgumentException>(() => new GenesysCloudRequest(HttpMethod.Get, Template).WithPathParameter("queueId", string.Empty));
            Assert.Throws<GenesysCloudArgumentException>(() => new GenesysCloudRequest(HttpMethod.Get, Template).WithPathParameter("nope", "x"));
            Assert.Throws<GenesysCloudArgumentException>(() => new GenesysCloudRequest(HttpMethod.Get, "/api/v2/routing/queues").WithQueryParameter(string.Empty, 1));
            Assert.Throws<ArgumentNullException>(() => new GenesysCloudRequest(null!, Template));
            Assert.Throws<GenesysCloudArgumentException>(() => new GenesysCloudRequest(HttpMethod.Get, string.Empty));
            Assert.Throws<GenesysCloudArgumentException>(() => new GenesysCloudRequest(HttpMethod.Get, null!));
            await Assert.ThrowsAsync<ArgumentNullException>(() => h.Client.SendAsync(null!));
            var missing = await Assert.ThrowsAsync<GenesysCloudArgumentException>(() => h.Client.SendAsync(new GenesysCloudRequest(HttpMethod.Get, Template)));
            Assert.IsAssignableFrom<ArgumentException>(missing);
            Assert.Equal("queueId", missing.ParamName);

            Assert.Equal(before, h.Sim.Inspector.TotalRequests);
            Assert.Equal(0, h.Client.BacklogCount);
            Assert.Empty(h.CallDurations.GetMeasurementSnapshot()); // nothing entered the pipeline
        }, fakeClock: false);
    }

    public static TheoryData<string, string, Action<GenesysCloudOptions>> InvalidConfigurations() => new()
    {
        { "GenesysCloud:ClientId", "not a UUID", o => o.ClientId = "not-a-uuid" },
        { "GenesysCloud:ClientId", "missing", o => o.ClientId = null },
        { "GenesysCloud:ClientSecret", "missing", o => o.ClientSecret = string.Empty },
        { "GenesysCloud:Region", "unknown", o => { o.ApiBaseAddress = null; o.Region = "mars-north-1"; } },
        { "GenesysCloud:Region", "missing without both base addresses", o => { o.LoginBaseAddress = null; o.Region = null; } },
        { "GenesysCloud:ApiBaseAddress", "http, not loopback", o => o.ApiBaseAddress = new Uri("http://api.example.com/") },
        { "GenesysCloud:LoginBaseAddress", "http, not loopback", o => o.LoginBaseAddress = new Uri("http://127.0.0.1.evil.example/") },
        { "GenesysCloud:ApiBaseAddress", "credentials in the address", o => o.ApiBaseAddress = new Uri("https://user:pw@api.example.com/") },
        { "GenesysCloud:SocketTimeout", "zero", o => o.SocketTimeout = TimeSpan.Zero },
        { "GenesysCloud:SocketTimeout", "too long", o => o.SocketTimeout = TimeSpan.FromHours(1) },
        { "GenesysCloud:MaxRetries", "negative", o => o.MaxRetries = -1 },
        { "GenesysCloud:MaxRetries", "too many", o => o.MaxRetries = 11 },
        { "GenesysCloud:RateLimiting:TimeBetweenRequests", "zero", o => o.RateLimiting.TimeBetweenRequests = TimeSpan.Zero },
        { "GenesysCloud:RateLimiting:MaxConcurrentRequests", "zero", o => o.RateLimiting.MaxConcurrentRequests = 0 },
        { "GenesysCloud:RateLimiting:MaxBacklog", "zero", o => o.RateLimiting.MaxBacklog = 0 },
        { "GenesysCloud:Retry:BaseDelay", "max below base", o => o.Retry.MaxDelay = TimeSpan.Zero },
    };

    [Theory]
    [MemberData(nameof(InvalidConfigurations))]
    public async Task Invalid_configuration_stops_start_up_naming_the_key_and_never_the_secret(string key, string problem, Action<GenesysCloudOptions> breakIt)
    {
        const string Secret = "do-not-print-this-secret-7f3a";
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var logs = new CapturingLoggerProvider();
        builder.Logging.AddProvider(logs);
        builder.Services.AddGenesysCloud(o =>
        {
            o.ClientId = "5b0c5a3e-9d57-4f5e-8a8b-3f7d2c1e6a90";
            o.ClientSecret = Secret;
            o.ApiBaseAddress = new Uri("http://127.0.0.1:9/");
            o.LoginBaseAddress = new Uri("http://127.0.0.1:9/");
            breakIt(o);
        });
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Contains(Secret, StringComparison.Ordinal));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key} ({problem}): {error.Message}"));
    }
}
