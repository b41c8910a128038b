using System.Text.Json.Nodes;
using GenesysCloud.Extensions.Simulator.Http;

namespace GenesysCloud.Extensions.Simulator.OAuth;

/// <summary>
/// The login service's error bodies. Genesys answers both <c>description</c> and <c>error_description</c>; clients such as the
/// Node.js one match on <c>description</c>.
/// </summary>
internal static class OAuthErrors
{
    public static SimulatorResult Create(string error, string description) => SimulatorResult.Json(400, new JsonObject
    {
        ["error"] = error,
        ["description"] = description,
        ["error_description"] = description,
    });

    public static SimulatorResult ClientNotFound() => Create("invalid_client", "client not found");

    public static SimulatorResult AuthenticationFailed() => Create("invalid_client", "authentication failed");

    public static SimulatorResult RateLimited() => Create("invalid_request", "rate limit exceeded");
}
