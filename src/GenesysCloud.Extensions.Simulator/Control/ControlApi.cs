using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenesysCloud.Extensions.Simulator.Http;

namespace GenesysCloud.Extensions.Simulator.Control;

/// <summary>
/// The HTTP control API under <c>/_simulator</c>, for tests written in other languages and for the standalone program:
/// faults, statistics, recorded requests, organizations, tokens and reset. Never authenticated, limited or recorded; every host
/// answers it.
/// </summary>
internal sealed class ControlApi
{
    public const string Prefix = "/_simulator";

    private readonly RouteTable _routes = new();

    public ControlApi(SimulatorFaults faults, SimulatorInspector inspector, IReadOnlyList<SimulatorOrganization> organizations)
    {
        _routes.Add("GET", Prefix + "/faults", "listFaults", _ => SimulatorResult.Ok(new JsonArray([.. faults.Snapshot().Select(FaultDefinitionParser.Describe)])));
        _routes.Add("POST", Prefix + "/faults", "addFault", request => AddFault(request, faults));
        _routes.Add("DELETE", Prefix + "/faults", "clearFaults", _ =>
        {
            faults.Clear();
            return SimulatorResult.Empty(204);
        });
        _routes.Add("DELETE", Prefix + "/faults/{id}", "removeFault", request => faults.Remove(request.RouteValues["id"])
            ? SimulatorResult.Empty(204)
            : GenesysErrors.NotFound($"No fault [{request.RouteValues["id"]}].", request.CorrelationId));
        _routes.Add("GET", Prefix + "/stats", "getStats", _ => SimulatorResult.Ok(Stats(inspector, faults, organizations)));
        _routes.Add("GET", Prefix + "/organizations", "listOrganizations", _ => SimulatorResult.Ok(new JsonArray([.. organizations.Select(DescribeOrganization)])));
        _routes.Add("PUT", Prefix + "/organizations/{name}/signed-in-user", "setSignedInUser", request => SetSignedInUser(request, organizations));
        _routes.Add("POST", Prefix + "/organizations/{name}/saml-assertions", "createSamlAssertion", request => CreateSamlAssertion(request, organizations));
        _routes.Add("GET", Prefix + "/analytics/jobs", "listAnalyticsJobs", _ => SimulatorResult.Ok(new JsonArray([.. organizations.SelectMany(static o => o.AnalyticsJobs.Jobs.Select(j => DescribeJob(o, j)))])));
        _routes.Add("POST", Prefix + "/analytics/jobs/{id}/fail", "failAnalyticsJob", request => JobAction(request, organizations, (jobs, id) =>
            jobs.Fail(id, RequestBody.TryReadObject(request, out var body) is null && body["errorMessage"] is JsonValue message ? message.GetValue<string>() : "The simulator was told to fail this job.")));
        _routes.Add("POST", Prefix + "/analytics/jobs/{id}/expire", "expireAnalyticsJob", request => JobAction(request, organizations, static (jobs, id) => jobs.Expire(id)));
        _routes.Add("POST", Prefix + "/organizations/{name}/analytics/fail-next", "failNextAnalyticsJob", request => FailNextJob(request, organizations));
        _routes.Add("GET", Prefix + "/tokens", "listTokens", _ => SimulatorResult.Ok(new JsonArray([.. inspector.Tokens.Select(DescribeToken)])));
        _routes.Add("POST", Prefix + "/tokens/{id}/expire", "expireToken", request => TokenAction(request, organizations, static (o, id) => o.ExpireToken(id)));
        _routes.Add("POST", Prefix + "/tokens/{id}/revoke", "revokeToken", request => TokenAction(request, organizations, static (o, id) => o.RevokeToken(id)));
        _routes.Add("GET", Prefix + "/requests", "listRequests", request => SimulatorResult.Ok(Requests(request, inspector)));
        _routes.Add("POST", Prefix + "/reset", "reset", _ =>
        {
            inspector.Reset();
            return SimulatorResult.Empty(204);
        });
    }

    public SimulatorResult Handle(SimulatorRequest request)
    {
        if (_routes.Find(request.Method, request.Path) is not var (route, values))
        {
            return GenesysErrors.NotFound($"No control operation {request.Method} [{request.Path}].", request.CorrelationId);
        }

        request.RouteValues = values;
        return route.Handler(request);
    }

    private static SimulatorResult AddFault(SimulatorRequest request, SimulatorFaults faults)
    {
        if (RequestBody.TryReadObject(request, out var body) is { } error)
        {
            return error;
        }

        try
        {
            var id = faults.Add(FaultDefinitionParser.Parse(body));
            return SimulatorResult.Json(201, new JsonObject { ["id"] = id });
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException or JsonException or ArgumentException)
        {
            return GenesysErrors.BadRequest(exception.Message, request.CorrelationId);
        }
    }

    /// <summary>Chooses who <c>/oauth/authorize</c> signs in without a <c>login_hint</c>: <c>{"user":"id or email"}</c>, or <c>{"user":null}</c> for the first user.</summary>
    private static SimulatorResult SetSignedInUser(SimulatorRequest request, IReadOnlyList<SimulatorOrganization> organizations)
    {
        if (RequestBody.TryReadObject(request, out var body) is { } error)
        {
            return error;
        }

        if (FindOrganization(request, organizations, out var organization) is { } notFound)
        {
            return notFound;
        }

        try
        {
            organization.SignedInUserId = body["user"] is JsonValue user ? user.GetValue<string>() : null;
            return SimulatorResult.Empty(204);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or FormatException)
        {
            return GenesysErrors.BadRequest(exception.Message, request.CorrelationId);
        }
    }

    /// <summary>Mints an assertion from the organization's built-in identity provider: <c>{"nameId":"…","lifetimeSeconds":300}</c>.</summary>
    private static SimulatorResult CreateSamlAssertion(SimulatorRequest request, IReadOnlyList<SimulatorOrganization> organizations)
    {
        if ((RequestBody.TryReadObject(request, out var body) ?? RequestBody.RequireString(request, body, "nameId")) is { } error)
        {
            return error;
        }

        if (FindOrganization(request, organizations, out var organization) is { } notFound)
        {
            return notFound;
        }

        var lifetime = body["lifetimeSeconds"] is JsonValue seconds && seconds.TryGetValue<double>(out var value) && value > 0 ? TimeSpan.FromSeconds(value) : (TimeSpan?)null;
        return SimulatorResult.Ok(new JsonObject
        {
            ["assertion"] = organization.CreateSamlAssertion((string)body["nameId"]!, lifetime),
            ["issuer"] = organization.BuiltInIssuer,
        });
    }

    private static SimulatorResult JobAction(SimulatorRequest request, IReadOnlyList<SimulatorOrganization> organizations, Func<SimulatorAnalyticsJobs, string, bool> action)
    {
        var id = request.RouteValues["id"];
        if (organizations.FirstOrDefault(o => o.AnalyticsJobs.Find(id) is not null) is not { } organization)
        {
            return GenesysErrors.NotFound($"No analytics job [{id}].", request.CorrelationId);
        }

        return action(organization.AnalyticsJobs, id)
            ? SimulatorResult.Empty(204)
            : GenesysErrors.Create(409, "general.conflict", $"The analytics job [{id}] has already ended.", request.CorrelationId);
    }

    private static SimulatorResult FailNextJob(SimulatorRequest request, IReadOnlyList<SimulatorOrganization> organizations)
    {
        if (FindOrganization(request, organizations, out var organization) is { } notFound)
        {
            return notFound;
        }

        var message = RequestBody.TryReadObject(request, out var body) is null && body["errorMessage"] is JsonValue value ? value.GetValue<string>() : null;
        organization.AnalyticsJobs.FailNext(message ?? "The simulator was told to fail this job.");
        return SimulatorResult.Empty(204);
    }

    private static JsonObject DescribeJob(SimulatorOrganization organization, SimulatorAnalyticsJob job) => new()
    {
        ["id"] = job.Id,
        ["organization"] = organization.Name,
        ["kind"] = job.Kind,
        ["state"] = job.State,
        ["submittedAt"] = job.SubmittedAt.ToString("O", CultureInfo.InvariantCulture),
        ["interval"] = job.Interval,
    };

    private static SimulatorResult? FindOrganization(SimulatorRequest request, IReadOnlyList<SimulatorOrganization> organizations, out SimulatorOrganization organization)
    {
        var name = request.RouteValues["name"];
        organization = organizations.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase))!;
        return organization is null ? GenesysErrors.NotFound($"No organization [{name}].", request.CorrelationId) : null;
    }

    private static SimulatorResult TokenAction(SimulatorRequest request, IReadOnlyList<SimulatorOrganization> organizations, Func<SimulatorOrganization, string, bool> action)
    {
        var id = request.RouteValues["id"];
        return organizations.Any(o => action(o, id))
            ? SimulatorResult.Empty(204)
            : GenesysErrors.NotFound($"No live token [{id}].", request.CorrelationId);
    }

    private static JsonObject Stats(SimulatorInspector inspector, SimulatorFaults faults, IReadOnlyList<SimulatorOrganization> organizations)
    {
        var stats = Counters(inspector);
        stats["activeFaults"] = faults.Count;
        var perOrganization = new JsonObject();
        foreach (var organization in organizations)
        {
            perOrganization[organization.Name] = Counters(organization.Inspector);
        }

        stats["organizations"] = perOrganization;
        return stats;
    }

    private static JsonObject Counters(SimulatorInspector inspector)
    {
        var operations = new JsonObject();
        foreach (var (operation, count) in inspector.OperationCounts.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            operations[operation] = count;
        }

        return new JsonObject
        {
            ["totalRequests"] = inspector.TotalRequests,
            ["operationCounts"] = operations,
            ["tokensIssued"] = inspector.TokensIssued,
            ["tokensDeleted"] = inspector.TokensDeleted,
            ["concurrentRequests"] = inspector.ConcurrentRequests,
            ["maxConcurrentRequests"] = inspector.MaxConcurrentRequests,
            ["tooManyRequestsSent"] = inspector.TooManyRequestsSent,
        };
    }

    private static JsonObject DescribeOrganization(SimulatorOrganization organization) => new()
    {
        ["name"] = organization.Name,
        ["id"] = organization.Id,
        ["apiBaseAddress"] = organization.ApiBaseAddress.ToString(),
        ["loginBaseAddress"] = organization.LoginBaseAddress.ToString(),
        ["clientId"] = organization.ClientId,
        ["oauthClients"] = new JsonArray([.. organization.OAuthClients.Select(static c => new JsonObject
        {
            ["clientId"] = c.ClientId,
            ["grant"] = c.Grant.ToString(),
            ["redirectUris"] = new JsonArray([.. c.RedirectUris.Select(static u => JsonValue.Create(u))]),
        })]),
        ["signedInUserId"] = organization.SignedInUserId,
        ["samlIssuer"] = organization.BuiltInIssuer,
    };

    private static JsonObject DescribeToken(SimulatorToken token) => new()
    {
        ["id"] = token.Id,
        ["organization"] = token.Organization,
        ["clientId"] = token.ClientId,
        ["grantType"] = token.GrantType,
        ["userId"] = token.UserId,
        ["issuedAt"] = token.IssuedAt.ToString("O", CultureInfo.InvariantCulture),
        ["expiresAt"] = token.ExpiresAt.ToString("O", CultureInfo.InvariantCulture),
        ["state"] = token.State.ToString(),
        ["refreshTokenId"] = token.RefreshTokenId,
        ["requests"] = token.Requests,
        ["tooManyRequests"] = token.TooManyRequests,
    };

    private static JsonArray Requests(SimulatorRequest request, SimulatorInspector inspector)
    {
        var requests = inspector.Requests;
        var last = int.TryParse(request.Query["last"], out var n) && n > 0 ? n : 100;
        var result = new JsonArray();
        foreach (var recorded in requests.Skip(Math.Max(0, requests.Count - last)))
        {
            var headers = new JsonObject();
            foreach (var (name, value) in recorded.Headers)
            {
                headers[name] = value;
            }

            result.Add(new JsonObject
            {
                ["timestamp"] = recorded.Timestamp.ToString("O", CultureInfo.InvariantCulture),
                ["method"] = recorded.Method,
                ["rawTarget"] = recorded.RawTarget,
                ["operation"] = recorded.Operation,
                ["route"] = recorded.Route,
                ["status"] = recorded.StatusCode,
                ["fault"] = recorded.Fault,
                ["correlationId"] = recorded.CorrelationId,
                ["organization"] = recorded.Organization,
                ["tokenId"] = recorded.TokenId,
                ["headers"] = headers,
                ["body"] = recorded.Body,
            });
        }

        return result;
    }
}
