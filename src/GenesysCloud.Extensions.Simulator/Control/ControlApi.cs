using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenesysCloud.Extensions.Simulator.Http;

namespace GenesysCloud.Extensions.Simulator.Control;

/// <summary>
/// The HTTP control API under <c>/_simulator</c>, for tests written in other languages and for the standalone program:
/// faults, statistics, recorded requests and reset. Never authenticated, limited or recorded.
/// </summary>
internal sealed class ControlApi
{
    public const string Prefix = "/_simulator";

    private readonly RouteTable _routes = new();

    public ControlApi(SimulatorFaults faults, SimulatorInspector inspector)
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
        _routes.Add("GET", Prefix + "/stats", "getStats", _ => SimulatorResult.Ok(Stats(inspector, faults)));
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

    private static JsonObject Stats(SimulatorInspector inspector, SimulatorFaults faults)
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
            ["activeFaults"] = faults.Count,
        };
    }

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
                ["headers"] = headers,
                ["body"] = recorded.Body,
            });
        }

        return result;
    }
}
