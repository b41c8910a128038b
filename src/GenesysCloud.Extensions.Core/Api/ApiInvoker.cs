using GenesysCloud.Extensions.Requests;

namespace GenesysCloud.Extensions.Api;

/// <summary>
/// The one entry point generated category methods use: every call goes through
/// <see cref="IGenesysCloudClient.SendAsync"/>, so pacing, OAuth, retries and telemetry apply uniformly.
/// </summary>
internal static class ApiInvoker
{
    /// <summary>Sends the request and deserializes the 2xx body as <typeparamref name="T"/>.</summary>
    public static async Task<T> SendAsync<T>(IGenesysCloudClient client, GenesysCloudRequest request, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.ReadAs<T>()!;
    }

    /// <summary>Sends the request; the 2xx body, if any, is ignored.</summary>
    public static async Task SendAsync(IGenesysCloudClient client, GenesysCloudRequest request, CancellationToken cancellationToken) =>
        await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
}
