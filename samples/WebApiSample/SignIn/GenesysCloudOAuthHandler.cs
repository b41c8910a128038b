using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.Extensions.Options;

namespace WebApiSample.SignIn;

/// <summary>
/// ASP.NET Core's OAuth handler, with the code exchange Genesys Cloud's login service expects: a confidential client
/// authenticates with HTTP Basic (<c>Authorization: Basic base64(id:secret)</c>), not with <c>client_secret</c> in the form.
/// </summary>
internal sealed class GenesysCloudOAuthHandler(IOptionsMonitor<OAuthOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : OAuthHandler<OAuthOptions>(options, logger, encoder)
{
    protected override async Task<OAuthTokenResponse> ExchangeCodeAsync(OAuthCodeExchangeContext context)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = context.Code,
            ["redirect_uri"] = context.RedirectUri,
        };

        // PKCE: the verifier the handler kept in the state when it sent the challenge.
        if (context.Properties.Items.Remove(OAuthConstants.CodeVerifierKey, out var verifier) && verifier is not null)
        {
            form[OAuthConstants.CodeVerifierKey] = verifier;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, Options.TokenEndpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Options.ClientId}:{Options.ClientSecret}")));
        using var response = await Backchannel.SendAsync(request, Context.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            // The status only: the answer is the login service's, and the failure message ends up in logs.
            return OAuthTokenResponse.Failed(new AuthenticationFailureException($"The Genesys Cloud login service answered {(int)response.StatusCode} to the authorization code exchange."));
        }

        return OAuthTokenResponse.Success(JsonDocument.Parse(await response.Content.ReadAsStringAsync(Context.RequestAborted)));
    }
}
