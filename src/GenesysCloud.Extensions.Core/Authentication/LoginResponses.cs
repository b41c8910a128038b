using System.Net;
using System.Text.Json;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Http;
using GenesysCloud.Extensions.Requests;

namespace GenesysCloud.Extensions.Authentication;

/// <summary>
/// Reads the login service's answers for <see cref="LoginService"/>: a token response, the OAuth error of a refusal
/// mapped to a typed error naming the client, and whether an answer is the login service throttling.
/// </summary>
internal static class LoginResponses
{
    public static string? GetCorrelationId(HttpResponseMessage response) =>
        Http.HeaderValues.First(response.Headers, GenesysCloudHeaderNames.CorrelationId);

    private static byte[] Body(HttpResponseMessage response) => response.Content is BufferedContent buffered ? buffered.Body : [];

    public static bool IsThrottled(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        // Genesys' login service answers 400 invalid_request "rate limit exceeded" when it throttles token requests.
        return response.StatusCode == HttpStatusCode.BadRequest &&
            ReadOAuthError(response) is { } error &&
            string.Equals(error.Error, "invalid_request", StringComparison.OrdinalIgnoreCase) &&
            (error.Text?.Contains("rate limit", StringComparison.OrdinalIgnoreCase) ?? false);
    }

    private static OAuthError? ReadOAuthError(HttpResponseMessage response)
    {
        var bytes = Body(response);
        if (bytes.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            static string? Get(JsonElement root, string name) =>
                root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

            return new OAuthError(Get(root, "error"), Get(root, "description") ?? Get(root, "error_description") ?? Get(root, "message"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static GenesysCloudAuthenticationException MapFailure(HttpResponseMessage response, string identityKind, string clientName)
    {
        var status = response.StatusCode;
        var correlationId = GetCorrelationId(response);
        var body = ReadOAuthError(response);
        if (status == HttpStatusCode.BadRequest)
        {
            if (string.Equals(body?.Error, "invalid_client", StringComparison.OrdinalIgnoreCase))
            {
                if (body?.Text?.Contains("client not found", StringComparison.OrdinalIgnoreCase) ?? false)
                {
                    return new GenesysCloudAuthenticationException(
                        GenesysCloudErrorCodes.ClientIdNotFound,
                        $"The login service does not know the OAuth client id of client '{clientName}' (ClientId). Check the client id and the region.",
                        status, body?.Error, correlationId);
                }

                if (body?.Text?.Contains("authentication failed", StringComparison.OrdinalIgnoreCase) ?? false)
                {
                    return new GenesysCloudAuthenticationException(
                        GenesysCloudErrorCodes.AuthenticationFailure,
                        $"The login service rejected the OAuth client credentials of client '{clientName}' (ClientSecret).",
                        status, body?.Error, correlationId);
                }
            }

            if (string.Equals(body?.Error, "invalid_grant", StringComparison.OrdinalIgnoreCase))
            {
                return new GenesysCloudAuthenticationException(
                    GenesysCloudErrorCodes.TokenGrantInvalid,
                    $"The login service refused to issue a token for a {identityKind} identity of client '{clientName}' (invalid_grant): {body?.Text ?? "(no description)"}. A refresh token or assertion that was revoked, expired or already used cannot be used again; sign the user in again.",
                    status, body?.Error, correlationId);
            }

            return new GenesysCloudAuthenticationException(
                GenesysCloudErrorCodes.UnexpectedResponse,
                $"The login service answered 400 with error '{body?.Error ?? "(none)"}': {body?.Text ?? "(no description)"}.",
                status, body?.Error, correlationId);
        }

        return new GenesysCloudAuthenticationException(
            GenesysCloudErrorCodes.UnexpectedStatusCode,
            $"The login service answered the unexpected status {(int)status}.",
            status, body?.Error, correlationId);
    }

    public static TokenResponse ParseToken(HttpResponseMessage response)
    {
        try
        {
            using var document = JsonDocument.Parse(Body(response));
            var root = document.RootElement;
            var value = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("access_token", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("token_type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var expiresIn = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var seconds) ? seconds : 0;
            if (string.IsNullOrEmpty(value) || !string.Equals(type, "bearer", StringComparison.OrdinalIgnoreCase) || expiresIn <= 0)
            {
                throw new GenesysCloudAuthenticationException(
                    GenesysCloudErrorCodes.UnexpectedResponse,
                    "The login service's token response lacks a bearer access_token with a positive expires_in.",
                    response.StatusCode, correlationId: GetCorrelationId(response));
            }

            var refresh = root.TryGetProperty("refresh_token", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            return new TokenResponse(value, TimeSpan.FromSeconds(expiresIn), refresh);
        }
        catch (JsonException ex)
        {
            throw new GenesysCloudAuthenticationException(
                GenesysCloudErrorCodes.UnexpectedResponse,
                "The login service's token response is not valid JSON.",
                response.StatusCode, correlationId: GetCorrelationId(response), innerException: ex);
        }
    }

    private sealed record OAuthError(string? Error, string? Text);
}
