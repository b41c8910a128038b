using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Models;
using GenesysCloud.Extensions.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GenesysCloud.Extensions.Benchmarks.Micro;

/// <summary>
/// The client's own cost per call: <c>IRoutingApi.GetRoutingQueueAsync</c> through the whole pipeline
/// (<c>AddGenesysCloud</c> host: auth, adaptive pacing without a budget, resilience, telemetry with listeners
/// enabled) against a hand-written <see cref="HttpClient"/> + System.Text.Json call of the same request; both
/// end in the same in-memory handler and canned response.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private IHost _host = null!;
    private IRoutingApi _routing = null!;
    private HttpClient _handWritten = null!;
    private MeterListener _meterListener = null!;
    private ActivityListener _activityListener = null!;

    /// <summary>Gets or sets whether the GenesysCloud instruments and activity source have listeners (so they record);
    /// off, the figure shows what the pipeline costs beyond telemetry.</summary>
    [Params(true, false)]
    public bool Telemetry { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Telemetry on: instruments and the activity source have listeners, so they record.
        var prefix = Telemetry ? "GenesysCloud" : "(no listener)";
        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<double>(static (_, _, _, _) => { });
        _meterListener.SetMeasurementEventCallback<long>(static (_, _, _, _) => { });
        _meterListener.SetMeasurementEventCallback<int>(static (_, _, _, _) => { });
        _meterListener.Start();
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith(prefix, StringComparison.Ordinal),
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_activityListener);

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGenesysCloud(o =>
        {
            o.ClientId = "5b0c5a3e-9d57-4f5e-8a8b-3f7d2c1e6a90";
            o.ClientSecret = "benchmark-secret";
            o.ApiBaseAddress = new Uri("http://127.0.0.1:9/");
            o.LoginBaseAddress = new Uri("http://127.0.0.1:9/");
        }).HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(static () => new CannedResponseHandler());
        builder.Services.AddHttpClient("GenesysCloud.OAuth").ConfigurePrimaryHttpMessageHandler(static () => new CannedResponseHandler());
        _host = builder.Build();
        _host.StartAsync().GetAwaiter().GetResult();
        _routing = _host.Services.GetRequiredService<IRoutingApi>();

        _handWritten = new HttpClient(new CannedResponseHandler()) { BaseAddress = new Uri("http://127.0.0.1:9/") };
        _handWritten.DefaultRequestHeaders.Authorization = new("Bearer", "benchmark-token");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
        _handWritten.Dispose();
        _meterListener.Dispose();
        _activityListener.Dispose();
    }

    [Benchmark(Baseline = true, Description = "HttpClient + System.Text.Json")]
    public Task<Queue?> HandWritten() =>
        _handWritten.GetFromJsonAsync<Queue>("api/v2/routing/queues/" + Uri.EscapeDataString(CannedResponseHandler.QueueId), GenesysCloudJson.Options);

    [Benchmark(Description = "IRoutingApi.GetRoutingQueueAsync")]
    public Task<Queue> Generated() => _routing.GetRoutingQueueAsync(CannedResponseHandler.QueueId);
}
