using GenesysCloud.Extensions.Simulator.OAuth;
using Microsoft.AspNetCore.Http;

namespace GenesysCloud.Extensions.Simulator.Http;

/// <summary>One request as the simulator's handlers see it: the parsed parts, the caller's token and what it matched.</summary>
internal sealed class SimulatorRequest(HttpContext httpContext, string correlationId, string body, CancellationToken aborted)
{
    public HttpContext HttpContext { get; } = httpContext;

    public string CorrelationId { get; } = correlationId;

    public string Method => HttpContext.Request.Method;

    public string Path => HttpContext.Request.Path.Value ?? "/";

    public IQueryCollection Query => HttpContext.Request.Query;

    public string Body { get; } = body;

    public IReadOnlyDictionary<string, string> RouteValues { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the live access token that authenticated the request.</summary>
    public IssuedToken? Token { get; set; }

    /// <summary>Gets or sets the token the request carried, whatever its state, once attributed (for the inspector).</summary>
    public IssuedToken? CarriedToken { get; set; }

    /// <summary>Gets or sets the organization the request is attributed to; <see langword="null"/> when nothing named one.</summary>
    public SimulatorOrganization? Organization { get; set; }

    public string? Operation { get; set; }

    public string? Route { get; set; }

    public string? Fault { get; set; }

    /// <summary>Cancelled when the client goes away or the simulator stops.</summary>
    public CancellationToken Aborted { get; } = aborted;
}
