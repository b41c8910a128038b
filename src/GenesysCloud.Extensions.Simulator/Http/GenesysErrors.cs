using System.Globalization;
using System.Text.Json.Nodes;

namespace GenesysCloud.Extensions.Simulator.Http;

/// <summary>Builds the error bodies Genesys Cloud's API answers with (<c>message</c>, <c>code</c>, <c>status</c>, <c>contextId</c>...).</summary>
internal static class GenesysErrors
{
    public static SimulatorResult Create(int status, string code, string message, string contextId) =>
        SimulatorResult.Json(status, Body(status, code, message, contextId));

    public static JsonObject Body(int status, string code, string message, string contextId) => new()
    {
        ["message"] = message,
        ["code"] = code,
        ["status"] = status,
        ["contextId"] = contextId,
        ["details"] = new JsonArray(),
        ["errors"] = new JsonArray(),
    };

    public static SimulatorResult BadRequest(string message, string contextId) => Create(400, "bad.request", message, contextId);

    public static SimulatorResult NotFound(string message, string contextId) => Create(404, "not.found", message, contextId);

    public static SimulatorResult BadCredentials(string contextId) => Create(401, "bad.credentials", "Invalid login credentials.", contextId);

    public static SimulatorResult TooManyRequests(int limit, TimeSpan window, int retryAfterSeconds, string contextId)
    {
        var seconds = ((int)Math.Ceiling(window.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var limitText = limit.ToString(CultureInfo.InvariantCulture);
        var body = Body(429, "too.many.requests", $"Rate limit exceeded the maximum. [{limitText}] requests for [{seconds}] seconds", contextId);
        body["messageWithParams"] = "Rate limit exceeded the maximum. [{limit}] requests for [{duration}] seconds";
        body["messageParams"] = new JsonObject { ["limit"] = limitText, ["duration"] = seconds };
        return SimulatorResult.Json(429, body).WithHeader("Retry-After", retryAfterSeconds.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The code Genesys uses for a status, for faults that only name a status.</summary>
    public static (string Code, string Message) Describe(int status) => status switch
    {
        400 => ("bad.request", "The request could not be understood by the server due to malformed syntax."),
        401 => ("bad.credentials", "Invalid login credentials."),
        403 => ("missing.permissions", "Unable to perform the requested action. You are missing the following permission(s): []"),
        404 => ("not.found", "The requested resource was not found."),
        408 => ("request.timeout", "The request timed out."),
        409 => ("general.conflict", "The request conflicts with the current state of the resource."),
        429 => ("too.many.requests", "Rate limit exceeded the maximum."),
        500 => ("internal.server.error", "The server encountered an unexpected condition which prevented it from fulfilling the request."),
        502 => ("bad.gateway", "The server, while acting as a gateway or proxy, received an invalid response."),
        503 => ("service.unavailable", "Service Unavailable - The server is currently unavailable (because it is overloaded or down for maintenance)."),
        504 => ("gateway.timeout", "The request timed out."),
        _ => ("error", "The simulator was told to fail this request."),
    };
}
