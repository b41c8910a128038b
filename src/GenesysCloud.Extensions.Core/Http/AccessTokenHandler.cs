using System.Net;
using GenesysCloud.Extensions.Authentication;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenesysCloud.Extensions.Http;

/// <summary>
/// Attaches the access token to each attempt, right before it is sent (after the backlog), and on a 401
/// refreshes the token once and re-sends. The token is that of the identity the attempt runs as (its lane's). It refuses
/// to send a token to any host but the configured API host, and requests the client did not build.
/// </summary>
internal sealed class AccessTokenHandler : DelegatingHandler
{
    /// <summary>The token of the identity the attempt runs as, set by the call executor on every attempt's message.</summary>
    public static readonly HttpRequestOptionsKey<AccessTokenProvider> TokensKey = new("GenesysCloud.Tokens");

    /// <summary>The API base address of the client that built the attempt: the only host that receives its token.</summary>
    public static readonly HttpRequestOptionsKey<Uri> ApiBaseAddressKey = new("GenesysCloud.ApiBaseAddress");

    private const string AuthorizationHeaderName = "Authorization";

    private readonly ILogger _logger;

    public AccessTokenHandler(ILogger<AccessTokenHandler> logger) => _logger = logger;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(TokensKey, out var tokens) || !request.Options.TryGetValue(ApiBaseAddressKey, out var apiBaseAddress))
        {
            throw new GenesysCloudArgumentException(
                GenesysCloudErrorCodes.ApiCallPathInvalid,
                "Refusing to send a request the client did not build: requests through this HttpClient carry the token of a call's identity (use IGenesysCloudClient.SendAsync).",
                nameof(request));
        }

        var uri = request.RequestUri;
        if (uri is null || !uri.IsAbsoluteUri || Uri.Compare(uri, apiBaseAddress, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new GenesysCloudArgumentException(
                GenesysCloudErrorCodes.ApiCallPathInvalid,
                $"Refusing to send the access token to '{uri?.GetLeftPart(UriPartial.Authority)}': only the configured API host receives it.",
                nameof(request));
        }

        var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        SetAuthorization(request, token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        Log.RefreshingAfterUnauthorized(_logger);
        response.Dispose();
        token = await tokens.RefreshAfterUnauthorizedAsync(token, cancellationToken).ConfigureAwait(false);
        SetAuthorization(request, token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static void SetAuthorization(HttpRequestMessage request, AccessToken token)
    {
        request.Headers.Remove(AuthorizationHeaderName);
        request.Headers.TryAddWithoutValidation(AuthorizationHeaderName, token.AuthorizationHeader);
    }
}
