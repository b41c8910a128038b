using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenesysCloud.Extensions.Hosting;

/// <summary>
/// Ties the client's lifecycle to the host: connects on start (failing the host, or retrying in the background,
/// per <see cref="GenesysCloudOptions.StartupBehavior"/>), and on stop drains or clears the backlog — bounded by
/// the host's shutdown timeout — then deletes the token.
/// </summary>
internal sealed class GenesysCloudHostedService : IHostedService
{
    private readonly GenesysCloudClient _client;
    private readonly GenesysCloudOptions _options;
    private readonly ILogger _logger;

    public GenesysCloudHostedService(GenesysCloudClient client, IOptions<GenesysCloudOptions> options, ILogger<GenesysCloudHostedService> logger)
    {
        _client = client;
        _options = options.Value;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.StartupBehavior == GenesysCloudStartupBehavior.RetryInBackground)
        {
            _client.ConnectInBackground();
            return Task.CompletedTask;
        }

        return _client.ConnectAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_client.State is GenesysCloudClientState.Created or GenesysCloudClientState.Failed or GenesysCloudClientState.Closed)
        {
            return;
        }

        try
        {
            await _client.CloseAsync(_options.ShutdownBehavior, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Stopping must go on for the other hosted services; the failure is logged and the state is Failed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.CloseFailed(_logger, ex);
        }
    }
}
