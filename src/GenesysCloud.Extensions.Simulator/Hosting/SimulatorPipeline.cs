using System.Globalization;
using System.Text;
using GenesysCloud.Extensions.Simulator.Catalog;
using GenesysCloud.Extensions.Simulator.Control;
using GenesysCloud.Extensions.Simulator.Faults;
using GenesysCloud.Extensions.Simulator.Http;
using GenesysCloud.Extensions.Simulator.Logging;
using GenesysCloud.Extensions.Simulator.OAuth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace GenesysCloud.Extensions.Simulator.Hosting;

/// <summary>
/// The one request handler, shared by every host. In order: correlation id, resolve the operation, attribute the request to an
/// organization of the host, latency, faults, then the token endpoint or bearer authentication, the token's rate limit and the
/// seeded route / catalog / 404; every request is recorded, in the simulator's inspector and in its organization's.
/// </summary>
internal sealed class SimulatorPipeline(
    RouteTable routes,
    CatalogResponder? catalog,
    TokenEndpoint tokenEndpoint,
    AuthorizeEndpoint authorizeEndpoint,
    SimulatorFaults faults,
    FaultResponder faultResponder,
    LatencySimulator latency,
    ControlApi control,
    SimulatorInspector inspector,
    TimeProvider timeProvider,
    CancellationToken stopping,
    ILogger logger)
{
    public const string CorrelationIdHeader = "inin-correlation-id";

    public async Task InvokeAsync(HttpContext context, SimulatorHost host)
    {
        var correlationId = Guid.NewGuid().ToString("D");
        context.Response.Headers[CorrelationIdHeader] = correlationId;
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith(ControlApi.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            // The control API is the test's back door: no latency, faults, auth, limits or recording.
            var controlBody = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            await ResultWriter.WriteAsync(context, control.Handle(new SimulatorRequest(context, correlationId, controlBody, context.RequestAborted))).ConfigureAwait(false);
            return;
        }

        var timestamp = timeProvider.GetUtcNow();
        inspector.RequestStarted();
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        SimulatorRequest? request = null;
        SimulatorOrganization? organization = null;
        var answered = false;
        var recorded = false;
        void RecordOnce(int statusCode)
        {
            if (!recorded)
            {
                recorded = true;
                Record(context, path, timestamp, correlationId, request, organization, statusCode);
            }
        }

        try
        {
            var body = await ReadBodyAsync(context.Request, aborted.Token).ConfigureAwait(false);
            request = new SimulatorRequest(context, correlationId, body, aborted.Token);
            var route = Resolve(request);
            organization = Attribute(request, host);
            organization?.Inspector.RequestStarted();

            await latency.DelayAsync(aborted.Token).ConfigureAwait(false);

            if (faults.Take(request.Method, path, organization?.Name) is { } fault)
            {
                Log.FaultApplied(logger, fault.Fault.Kind.ToString(), request.Method, path);
                if (await faultResponder.ApplyAsync(fault, request).ConfigureAwait(false))
                {
                    answered = fault.Fault.Kind != SimulatorFaultKind.ResetConnection;
                    return;
                }
            }

            var result = Answer(request, route, host);

            // Recorded before the answer is written, so a client that has the response always finds its request recorded.
            RecordOnce(result.StatusCode);
            await ResultWriter.WriteAsync(context, result).ConfigureAwait(false);
            answered = true;
            Log.Answered(logger, request.Method, path, result.StatusCode);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away, or the simulator is stopping, while the request was delayed or stalled. Reset the
            // connection: returning normally would let Kestrel send an empty 200 the client could mistake for an answer.
            context.Abort();
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            // A simulator bug must still look like a Genesys 500 to the client under test.
            Log.HandlerFailed(logger, exception, context.Request.Method, path);
            var (code, message) = GenesysErrors.Describe(500);
            await ResultWriter.WriteAsync(context, GenesysErrors.Create(500, code, message, correlationId)).ConfigureAwait(false);
            answered = true;
        }
        finally
        {
            // Recorded before the request stops counting as in flight, so a test that waits for zero concurrent requests sees it.
            RecordOnce(answered ? context.Response.StatusCode : 0);
            organization?.Inspector.RequestEnded();
            inspector.RequestEnded();
        }
    }

    private void Record(HttpContext context, string path, DateTimeOffset timestamp, string correlationId, SimulatorRequest? request, SimulatorOrganization? organization, int statusCode)
    {
        var recorded = new RecordedRequest
        {
            Timestamp = timestamp,
            Method = context.Request.Method,
            RawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? path + context.Request.QueryString,
            Path = path,
            Headers = RedactHeaders(context.Request.Headers),
            Body = request is null ? string.Empty : RedactBody(request),
            CorrelationId = correlationId,
            Operation = request?.Operation,
            Route = request?.Route,
            StatusCode = statusCode,
            Fault = request?.Fault,
            Organization = organization?.Name,
            TokenId = request?.CarriedToken?.Id,
        };
        request?.CarriedToken?.CountRequest(statusCode == 429);
        inspector.Record(recorded);
        organization?.Inspector.Record(recorded);
    }

    /// <summary>
    /// Names the organization a request is for, before latency and faults so both can be aimed at one organization: the only
    /// one on the host, or the one the bearer token or client id (Basic header, <c>client_id</c> form field or query) belongs to.
    /// </summary>
    private static SimulatorOrganization? Attribute(SimulatorRequest request, SimulatorHost host)
    {
        var httpRequest = request.HttpContext.Request;
        if (TryReadBearer(httpRequest, out var value) && host.PeekToken(value) is { } token)
        {
            request.CarriedToken = token;
            return request.Organization = token.Organization;
        }

        if (host.Organizations.Count == 1)
        {
            return request.Organization = host.Primary;
        }

        var clientId = BasicCredentials.TryParse(httpRequest.Headers.Authorization, out var id, out _) ? id : httpRequest.Query["client_id"].ToString();
        if (clientId.Length == 0 && request.Operation == TokenEndpoint.OperationId)
        {
            clientId = QueryHelpers.ParseQuery(request.Body).TryGetValue("client_id", out var formClientId) ? formClientId.ToString() : string.Empty;
        }

        return request.Organization = clientId.Length > 0 ? host.FindClientOrganization(clientId) : null;
    }

    /// <summary>
    /// Finds what the request addresses before anything else happens, so faulted requests are still attributed. A seeded route
    /// wins unless the catalog has a more specific template (<c>/api/v2/users/me</c> over the seeded <c>/api/v2/users/{userId}</c>).
    /// </summary>
    private ResolvedRoute Resolve(SimulatorRequest request)
    {
        if (string.Equals(request.Path, TokenEndpoint.Path, StringComparison.OrdinalIgnoreCase))
        {
            request.Operation = TokenEndpoint.OperationId;
            request.Route = TokenEndpoint.Path;
            return new ResolvedRoute(null, null);
        }

        if (string.Equals(request.Path, AuthorizeEndpoint.Path, StringComparison.OrdinalIgnoreCase))
        {
            request.Operation = AuthorizeEndpoint.OperationId;
            request.Route = AuthorizeEndpoint.Path;
            return new ResolvedRoute(null, null);
        }

        var seeded = routes.Find(request.Method, request.Path);
        var cataloged = catalog?.Find(request.Method, request.Path);
        if (seeded is var (route, routeValues)
            && (cataloged is not var (candidate, _) || RouteTemplate.CompareSpecificity(candidate.Template, route.Template) >= 0))
        {
            request.Operation = route.OperationId;
            request.Route = route.Template.Template;
            request.RouteValues = routeValues;
            return new ResolvedRoute(route, null);
        }

        if (cataloged is var (operation, values))
        {
            request.Operation = operation.OperationId;
            request.Route = operation.Template.Template;
            request.RouteValues = values;
            return new ResolvedRoute(null, operation);
        }

        return new ResolvedRoute(null, null);
    }

    private SimulatorResult Answer(SimulatorRequest request, ResolvedRoute route, SimulatorHost host)
    {
        if (request.Operation == TokenEndpoint.OperationId)
        {
            return tokenEndpoint.Handle(request, host);
        }

        if (request.Operation == AuthorizeEndpoint.OperationId)
        {
            return authorizeEndpoint.Handle(request, host);
        }

        if (!request.Path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return GenesysErrors.NotFound($"No resource at [{request.Path}].", request.CorrelationId);
        }

        // Only the host's organizations know the token, so a token from another host (another region) gets 401, as in Genesys.
        if (request.CarriedToken is not { } token || !token.IsLive(timeProvider.GetUtcNow()))
        {
            return GenesysErrors.BadCredentials(request.CorrelationId);
        }

        request.Token = token;
        var limiter = token.Organization.ApiLimiter;
        var decision = limiter.Acquire(token.Value);
        var result = decision.Allowed
            ? Dispatch(request, route)
            : GenesysErrors.TooManyRequests(decision.Limit ?? 0, limiter.WindowLength, decision.ResetAfterSeconds, request.CorrelationId);
        if (!decision.Allowed)
        {
            Log.RateLimited(logger, request.Method, request.Path, decision.Count, decision.Limit ?? 0);
        }

        // Unlimited budgets still report their window, with the largest allowed value.
        result.WithHeader("inin-ratelimit-allowed", (decision.Limit ?? int.MaxValue).ToString(CultureInfo.InvariantCulture))
            .WithHeader("inin-ratelimit-count", decision.Count.ToString(CultureInfo.InvariantCulture))
            .WithHeader("inin-ratelimit-reset", decision.ResetAfterSeconds.ToString(CultureInfo.InvariantCulture));
        return result;
    }

    private SimulatorResult Dispatch(SimulatorRequest request, ResolvedRoute route) => route switch
    {
        { Seeded: { } seeded } => seeded.Handler(request),
        { Cataloged: { } operation } => catalog!.Answer(request, operation),
        _ => GenesysErrors.NotFound($"No operation matches {request.Method} [{request.Path}].", request.CorrelationId),
    };

    private static bool TryReadBearer(HttpRequest request, out string token)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && header.Length > Scheme.Length)
        {
            token = header[Scheme.Length..].Trim();
            return true;
        }

        token = string.Empty;
        return false;
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Token request bodies carry secrets (codes, verifiers, refresh tokens, assertions, secrets): their values are recorded as <c>[redacted]</c>.</summary>
    private static string RedactBody(SimulatorRequest request)
    {
        if (request.Operation != TokenEndpoint.OperationId || request.Body.Length == 0)
        {
            return request.Body;
        }

        var fields = QueryHelpers.ParseQuery(request.Body).Select(static field =>
            field.Key is "grant_type" or "client_id" or "redirect_uri" or "orgName" or "scope"
                ? $"{Uri.EscapeDataString(field.Key)}={Uri.EscapeDataString(field.Value.ToString())}"
                : $"{Uri.EscapeDataString(field.Key)}=[redacted]");
        return string.Join('&', fields);
    }

    private static Dictionary<string, string> RedactHeaders(IHeaderDictionary headers)
    {
        var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            if (string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                var text = value.ToString();
                var space = text.IndexOf(' ', StringComparison.Ordinal);
                copy[name] = (space > 0 ? text[..space] : "?") + " [redacted]";
            }
            else
            {
                copy[name] = value.ToString();
            }
        }

        return copy;
    }
}
