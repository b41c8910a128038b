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

    /// <summary>
    /// Sends the request and returns the 2xx body as text, for operations that answer another media type than JSON
    /// (<c>text/plain</c>, <c>text/calendar</c>). The generated method sets the <c>Accept</c> header to that type.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body decoded as UTF-8; empty for an empty body.</returns>
    public static Task<string> SendForTextAsync(IGenesysCloudClient client, GenesysCloudRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        return SendForTextCoreAsync(client, request, cancellationToken);
    }

    /// <summary>Checks that a required free-form body holds a JSON value (not <see langword="default"/> or JSON <c>null</c>).</summary>
    /// <param name="body">The body.</param>
    /// <param name="parameterName">The parameter's name, reported in the exception.</param>
    /// <exception cref="GenesysCloudArgumentException">The body is undefined (<c>default(JsonElement)</c>) or JSON <c>null</c>.</exception>
    public static void ThrowIfNoValue(JsonElement body, string parameterName)
    {
        if (body.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            throw new GenesysCloudArgumentException(
                GenesysCloudErrorCodes.ApiCallRequestBodyInvalid,
                $"The required body '{parameterName}' is {(body.ValueKind == JsonValueKind.Null ? "JSON null" : "undefined (default(JsonElement))")}; pass a JSON value.",
                parameterName);
        }
    }

    private static async Task<string> SendForTextCoreAsync(IGenesysCloudClient client, GenesysCloudRequest request, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.ReadAsString();
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
