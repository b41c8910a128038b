using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Requests;
using GenesysCloud.Extensions.Simulator;

namespace GenesysCloud.Extensions.ReliabilityTests.Infrastructure;

internal enum Outcome
{
    Success,
    ApiError,
    Transport,
    Aborted,
    Canceled,
    Authentication,
    Argument,
    State,
    OtherTyped,
    Internal,
    Untyped,
}

/// <summary>
/// Builds calls that the simulator's request log can attribute (a unique <c>rid</c> query parameter per call), runs
/// them, and records how each one ended — exactly once, as a result or a typed error.
/// </summary>
internal sealed partial class CallLedger
{
    private readonly ConcurrentDictionary<long, (Outcome Outcome, Exception? Error, int? Status)> _ended = new();
    private readonly ConcurrentDictionary<long, HttpMethod> _methods = new();

    public int Count => _ended.Count;

    public IReadOnlyDictionary<long, (Outcome Outcome, Exception? Error, int? Status)> Ended => _ended;

    public static GenesysCloudRequest Get(long id) =>
        new GenesysCloudRequest(HttpMethod.Get, "/api/v2/routing/queues").WithQueryParameter("pageSize", 1).WithQueryParameter("rid", id);

    /// <summary>The cheapest call the simulator answers (a small fixed body): for load.</summary>
    public static GenesysCloudRequest Light(long id) =>
        new GenesysCloudRequest(HttpMethod.Get, "/api/v2/tokens/me").WithQueryParameter("rid", id);

    public static GenesysCloudRequest Post(long id) =>
        new GenesysCloudRequest(HttpMethod.Post, "/api/v2/routing/wrapupcodes")
            .WithQueryParameter("rid", id)
            .WithJsonBody(new Dictionary<string, string> { ["name"] = "rid-" + id.ToString(CultureInfo.InvariantCulture) });

    public static Outcome Classify(Exception? error, bool callerCancelled) => error switch
    {
        null => Outcome.Success,
        OperationCanceledException when callerCancelled => Outcome.Canceled,
        GenesysCloudApiException => Outcome.ApiError,
        GenesysCloudTransportException => Outcome.Transport,
        GenesysCloudCallAbortedException => Outcome.Aborted,
        GenesysCloudAuthenticationException => Outcome.Authentication,
        GenesysCloudArgumentException => Outcome.Argument,
        GenesysCloudClientStateException => Outcome.State,
        GenesysCloudException { ErrorCode: GenesysCloudErrorCodes.InternalError } => Outcome.Internal,
        GenesysCloudException => Outcome.OtherTyped,
        _ => Outcome.Untyped,
    };

    public Task Run(IGenesysCloudClient client, long id, GenesysCloudRequest request, CancellationToken cancellationToken = default)
    {
        _methods[id] = request.Method;
        return RunCore(client, id, request, cancellationToken);
    }

    public int CountOf(Outcome outcome) => _ended.Values.Count(e => e.Outcome == outcome);

    public string Describe() => string.Join(", ", _ended.Values.GroupBy(e => e.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));

    /// <summary>Every call ended exactly once, none with an untyped or internal error.</summary>
    public void AssertAllEnded(int expected)
    {
        Assert.Equal(expected, _ended.Count);
        var bad = _ended.Where(e => e.Value.Outcome is Outcome.Untyped or Outcome.Internal).Take(3).ToList();
        Assert.True(bad.Count == 0, "Untyped or internal errors: " + string.Join("\n", bad.Select(b => b.Value.Error?.ToString())));
    }

    /// <summary>The simulator's recorded requests, grouped by the call that sent them.</summary>
    public static Dictionary<long, List<RecordedRequest>> RequestsById(SimulatorInspector inspector)
    {
        var result = new Dictionary<long, List<RecordedRequest>>();
        foreach (var request in inspector.Requests)
        {
            var match = RidPattern().Match(request.RawTarget);
            if (!match.Success)
            {
                continue;
            }

            var id = long.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            if (!result.TryGetValue(id, out var list))
            {
                result[id] = list = [];
            }

            list.Add(request);
        }

        return result;
    }

    private async Task RunCore(IGenesysCloudClient client, long id, GenesysCloudRequest request, CancellationToken cancellationToken)
    {
        GenesysCloudResponse? response = null;
        Exception? error = null;
        try
        {
            response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Every outcome is recorded and classified.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error = ex;
        }

        var outcome = Classify(error, cancellationToken.IsCancellationRequested);
        // Only the status is kept: holding 10,000 responses would make the test, not the client, use the memory.
        Assert.True(_ended.TryAdd(id, (outcome, error, response is null ? null : (int)response.StatusCode)), $"Call {id} ended twice.");
    }

    [GeneratedRegex(@"[?&]rid=(\d+)")]
    private static partial Regex RidPattern();
}
