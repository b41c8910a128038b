using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Models;
using Microsoft.AspNetCore.Mvc;

namespace WebApiSample.Controllers;

/// <summary>The client's access token, as Genesys describes it.</summary>
[ApiController]
[Route("api/token")]
public sealed class TokenController(ITokensApi tokens) : ControllerBase
{
    /// <summary>The organization, the OAuth client and the scope of the token the client holds (never the token).</summary>
    [HttpGet]
    public Task<TokenInfo> GetAsync(CancellationToken cancellationToken) => tokens.GetTokensMeAsync(cancellationToken: cancellationToken);
}
