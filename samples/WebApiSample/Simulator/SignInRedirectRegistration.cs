using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using WebApiSample.SignIn;

namespace WebApiSample.Simulator;

/// <summary>
/// Registers the sample's redirect URIs with the embedded simulator's sign-in client once the server has bound its
/// addresses (a port may be dynamic, so they are only known then). The simulator compares redirect URIs exactly, as
/// Genesys Cloud does, and reads the client's list on each <c>/oauth/authorize</c>; the list changes here only, at
/// start-up, before a browser can have been sent there by a <c>/signin</c>.
/// </summary>
internal sealed class SignInRedirectRegistration(IServer server, EmbeddedSimulator simulator) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (server.Features.Get<IServerAddressesFeature>() is not { } bound)
        {
            return Task.CompletedTask;
        }

        var redirectUris = simulator.SignInClient.RedirectUris;
        foreach (var address in bound.Addresses)
        {
            // A wildcard binding (0.0.0.0, [::]) is browsed as localhost.
            var origin = new UriBuilder(address);
            if (origin.Host is "0.0.0.0" or "[::]")
            {
                origin.Host = "localhost";
            }

            var redirectUri = SignInSchemes.RedirectUri(origin.Uri.GetLeftPart(UriPartial.Authority));
            if (!redirectUris.Contains(redirectUri))
            {
                redirectUris.Add(redirectUri);
            }
        }

        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
