using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GenesysCloud.Extensions.Hosting;

/// <summary>
/// Ties every client's lifecycle to the host: on start it connects them all at once (failing the host — after closing
/// the ones that did connect — or retrying in the background, per each client's
/// <see cref="GenesysCloudOptions.StartupBehavior"/>); on stop it drains or clears each backlog, bounded by the host's
/// shutdown timeout, and deletes the tokens. Clients added at run time are part of both.
/// </summary>
internal sealed class GenesysCloudHostedService : IHostedService
{
    private readonly GenesysCloudClientRegistry _registry;
    private readonly ILogger _logger;
    private IReadOnlyList<ClientComposition> _registered = [];

    public GenesysCloudHostedService(GenesysCloudClientRegistry registry, ILogger<GenesysCloudHostedService> logger)
    {
        _registry = registry;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Built once here, so that stopping never resolves services from a provider that may be going away.
        _registered = _registry.BuildRegistered();
        IReadOnlyList<ClientComposition> clients = [.. _registered, .. _registry.Start()];
        var connects = clients.Select(c => ConnectAsync(c, cancellationToken)).ToArray();
        try
        {
            await Task.WhenAll(connects).ConfigureAwait(false);
        }
        catch
        {
            // The host will not run: give back the tokens of the clients that did connect, then report the first failure.
            await Task.WhenAll(clients.Select(c => CloseQuietlyAsync(c, cancellationToken))).ConfigureAwait(false);
            throw;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(_registered.Concat(_registry.Stop()).Select(c => CloseQuietlyAsync(c, cancellationToken))).ConfigureAwait(false);

    /// <summary>Connects a client as its options say: now (the task fails with the client), or in the background.</summary>
    internal static Task ConnectAsync(ClientComposition client, CancellationToken cancellationToken)
    {
        if (client.Options.StartupBehavior == GenesysCloudStartupBehavior.RetryInBackground)
        {
            client.Client.ConnectInBackground();
            return Task.CompletedTask;
        }

        return client.Client.ConnectAsync(cancellationToken);
    }

    /// <summary>Closes a client as its options say, unless it never connected or is closed already.</summary>
    internal static Task CloseAsync(ClientComposition client, CancellationToken cancellationToken) =>
        client.Client.State is GenesysCloudClientState.Created or GenesysCloudClientState.Failed or GenesysCloudClientState.Closed
            ? Task.CompletedTask
            : client.Client.CloseAsync(client.Options.ShutdownBehavior, cancellationToken);

    private async Task CloseQuietlyAsync(ClientComposition client, CancellationToken cancellationToken)
    {
        try
        {
            await CloseAsync(client, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Stopping must go on for the other clients and hosted services; the failure is logged and the state is Failed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.CloseFailed(_logger, client.Diagnostics.ClientName, ex);
        }
    }
}
