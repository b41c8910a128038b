using System.Net;
using System.Net.Http.Headers;
using GenesysCloud.Extensions.Authentication;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenesysCloud.Extensions.Http;

/// <summary>
/// Attaches the access token to each attempt, right before it is sent (after the backlog), and on a 401
/// refreshes the token once and re-sends. It refuses to send the token to any host but the configured API host.
/// </summary>
internal sealed class AccessTokenHandler : DelegatingHandler
{
    private readonly AccessTokenProvider _tokens;
    private readonly Uri _apiBaseAddress;
    private readonly ILogger _logger;

    public AccessTokenHandler(AccessTokenProvider tokens, IOptions<GenesysCloudOptions> options, ILogger<AccessTokenHandler> logger)
    {
        _tokens = tokens;
        _apiBaseAddress = options.Value.ResolvedApiBaseAddress;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri;
        if (uri is null || !uri.IsAbsoluteUri || Uri.Compare(uri, _apiBaseAddress, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new GenesysCloudArgumentException(
                GenesysCloudErrorCodes.ApiCallPathInvalid,
                $"Refusing to send the access token to '{uri?.GetLeftPart(UriPartial.Authority)}': only the configured API host receives it.",
                nameof(request));
        }

        var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        Log.RefreshingAfterUnauthorized(_logger);
        response.Dispose();
        token = await _tokens.RefreshAfterUnauthorizedAsync(token, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
