using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Requests;

namespace GenesysCloud.Extensions.Api;

/// <summary>
/// The one entry point generated category methods use: every call goes through
/// <see cref="IGenesysCloudClient.SendAsync"/>, so pacing, OAuth, retries and telemetry apply uniformly. For
/// generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GenesysCloudApiInvoker
{
    /// <summary>Sends the request and reads the 2xx body as <typeparamref name="T"/>, without reflection.</summary>
    /// <typeparam name="T">The operation's response type.</typeparam>
    /// <param name="client">The client.</param>
    /// <param name="request">The request.</param>
    /// <param name="responseType">The response type's metadata (generated, converter-based).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response body.</returns>
    /// <exception cref="GenesysCloudResponseFormatException">
    /// The body is not JSON of <typeparamref name="T"/>, or is empty or <c>null</c> (the operation promises a value).
    /// A free-form result (<see cref="JsonElement"/>) of an empty body is <see langword="default"/>, whose
    /// <see cref="JsonElement.ValueKind"/> is <see cref="JsonValueKind.Undefined"/>.
    /// </exception>
    public static Task<T> SendAsync<T>(IGenesysCloudClient client, GenesysCloudRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseType);
        return SendCoreAsync(client, request, responseType, cancellationToken);
    }

    /// <summary>Sends the request; the 2xx body, if any, is ignored.</summary>
    /// <param name="client">The client.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the call succeeds.</returns>
    public static Task SendAsync(IGenesysCloudClient client, GenesysCloudRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        return client.SendAsync(request, cancellationToken);
    }

    private static async Task<T> SendCoreAsync<T>(IGenesysCloudClient client, GenesysCloudRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Content.IsEmpty)
        {
            // Free-form results are often empty (a DELETE answering 200 or 204 without a body); a typed one is not.
            return typeof(T) == typeof(JsonElement) ? default! : throw NoValue(request, response, "an empty body", typeof(T));
        }

        return response.ReadAs(responseType) is { } value ? value : throw NoValue(request, response, "null", typeof(T));
    }

    private static GenesysCloudResponseFormatException NoValue(GenesysCloudRequest request, GenesysCloudResponse response, string what, Type expected) =>
        new(
            $"{request} answered {(int)response.StatusCode} with {what}; a {expected.Name} was expected.",
            response.StatusCode,
            response.ContentType,
            response.CorrelationId,
            innerException: null);
}
