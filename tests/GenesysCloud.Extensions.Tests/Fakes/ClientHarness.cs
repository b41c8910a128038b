using GenesysCloud.Extensions.Hosting;
using GenesysCloud.Extensions.Http;
using GenesysCloud.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GenesysCloud.Extensions.Tests.Fakes;

/// <summary>
/// A generic host with the client registered by <c>AddGenesysCloud</c>, its network replaced by
/// <see cref="FakeGenesysCloud"/>, and time by a <see cref="FakeTimeProvider"/>.
/// </summary>
internal sealed class ClientHarness : IAsyncDisposable
{
    private ClientHarness(IHost host, FakeGenesysCloud server, FakeTimeProvider time, CapturingLoggerProvider logs)
    {
        Host = host;
        Server = server;
        Time = time;
        Logs = logs;
    }

    public IHost Host { get; }

    public FakeGenesysCloud Server { get; }

    public FakeTimeProvider Time { get; }

    public CapturingLoggerProvider Logs { get; }

    public IGenesysCloudClient Client => Host.Services.GetRequiredService<IGenesysCloudClient>();

    internal GenesysCloudClient Internal => Host.Services.GetRequiredService<GenesysCloudClient>();

    public static ClientHarness Create(Action<GenesysCloudOptions>? configure = null, Action<FakeGenesysCloud>? server = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var fake = new FakeGenesysCloud(time);
        server?.Invoke(fake);
        var logs = new CapturingLoggerProvider();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddGenesysCloud(options =>
        {
            options.ClientId = FakeGenesysCloud.ClientId;
            options.ClientSecret = FakeGenesysCloud.ClientSecret;
            options.Region = "us-east-1";
            options.Retry.BaseDelay = TimeSpan.FromSeconds(1);
            options.Retry.MaxDelay = TimeSpan.FromSeconds(4);
            configure?.Invoke(options);
        }).HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => fake);
        builder.Services.AddHttpClient(GenesysCloud.Extensions.DependencyInjection.GenesysCloudCoreRegistration.LoginHttpClientName).ConfigurePrimaryHttpMessageHandler(() => fake);
        return new ClientHarness(builder.Build(), fake, time, logs);
    }

    public async Task<ClientHarness> StartAsync()
    {
        await Host.StartAsync();
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        if (Internal.State is GenesysCloudClientState.Idle or GenesysCloudClientState.Running)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await Host.StopAsync(timeout.Token);
        }

        Host.Dispose();
    }
}
