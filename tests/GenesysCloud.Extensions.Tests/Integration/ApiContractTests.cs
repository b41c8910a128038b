using System.Reflection;
using System.Text.Json;
using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Requests;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GenesysCloud.Extensions.Tests.Integration;

/// <summary>
/// The contract over the whole manifest: every operation is invoked through each of its interfaces, resolved from
/// DI, against the simulator, with synthetic arguments for every parameter; the simulator must have matched the
/// same operation (so method and path fit its template), received every query parameter and the body, and the
/// typed response must deserialize.
/// </summary>
public sealed class ApiContractTests(ITestOutputHelper output)
{
    // Operations the simulator answers from its seeded organization: synthetic ids are unknown there, so a
    // Genesys 4xx is the right answer (the request shape is still checked).
    private static readonly HashSet<string> Seeded = new(StringComparer.Ordinal)
    {
        "deleteRoutingQueue", "deleteRoutingQueueMember", "deleteRoutingWrapupcode", "getRoutingQueue", "getRoutingQueueMembers",
        "getRoutingQueues", "getRoutingWrapupcode", "getRoutingWrapupcodes", "getUser", "getUsers", "getUsersQuery",
        "patchRoutingQueueMember", "patchUser", "postRoutingQueues", "postRoutingWrapupcodes", "putRoutingQueue", "putRoutingWrapupcode",

        // A client-credentials token has no user (400 not.a.user); synthetic intervals and job ids are refused (400, 404).
        "getUsersMe",
        "postAnalyticsConversationsDetailsJobs", "getAnalyticsConversationsDetailsJob", "deleteAnalyticsConversationsDetailsJob", "getAnalyticsConversationsDetailsJobResults",
        "postAnalyticsUsersDetailsJobs", "getAnalyticsUsersDetailsJob", "deleteAnalyticsUsersDetailsJob", "getAnalyticsUsersDetailsJobResults",

        // Notification channels belong to the client that created them: a synthetic channel id is unknown (404).
        "headNotificationsChannel", "getNotificationsChannelSubscriptions", "putNotificationsChannelSubscriptions",
        "postNotificationsChannelSubscriptions", "deleteNotificationsChannelSubscriptions",
    };

    private static readonly DateTimeOffset Date = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task Every_operation_reaches_the_simulator_as_its_manifest_describes_and_its_response_deserializes()
    {
        await using var harness = await SimulatorHarness.StartAsync(simulator: s =>
        {
            s.RateLimit = null;
            s.MaxRecordedRequests = 100;
        });
        var manifestPath = Path.Combine(AppContext.BaseDirectory, "api-manifest.json");
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(manifestPath));
        var failures = new List<string>();
        var invocations = 0;
        foreach (var operation in manifest.RootElement.GetProperty("operations").EnumerateArray())
        {
            foreach (var interfaceName in operation.GetProperty("interfaces").EnumerateArray().Select(e => e.GetString()!))
            {
                invocations++;
                var failure = await CheckAsync(harness, operation, interfaceName);
                if (failure is not null)
                {
                    failures.Add($"{operation.GetProperty("operationId").GetString()} ({interfaceName}): {failure}");
                }
            }
        }

        output.WriteLine($"{invocations} methods invoked against the simulator, {failures.Count} failed.");
        Assert.True(failures.Count == 0, $"{failures.Count} operations failed the contract:\n{string.Join('\n', failures.Take(40))}");
        Assert.Equal(manifest.RootElement.GetProperty("methodCount").GetInt32(), invocations);
    }

    private static async Task<string?> CheckAsync(SimulatorHarness harness, JsonElement operation, string interfaceName)
    {
        var operationId = operation.GetProperty("operationId").GetString()!;
        var type = typeof(IRoutingApi).Assembly.GetType($"GenesysCloud.Extensions.Api.{interfaceName}", throwOnError: true)!;
        var method = type.GetMethod(operation.GetProperty("methodName").GetString()!);
        if (method is null)
        {
            return "method not found";
        }

        var specParameters = operation.GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("csharpName").GetString()!, p => p, StringComparer.Ordinal);
        var arguments = method.GetParameters().Select(p =>
            p.ParameterType == typeof(CancellationToken) ? CancellationToken.None :
            specParameters.TryGetValue(p.Name!, out var spec) ? Synthesize(p.ParameterType, spec) : null).ToArray();

        Exception? error = null;
        string? correlationId;
        using (var scope = GenesysCloudResponseScope.Begin())
        {
            try
            {
                var task = (Task)method.Invoke(harness.Host.Services.GetRequiredService(type), arguments)!;
                await task;
            }
            catch (Exception ex)
            {
                error = ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;
            }

            correlationId = scope.LastResponse?.CorrelationId ?? (error as GenesysCloudApiException)?.CorrelationId;
        }

        if (correlationId is null)
        {
            return $"no response from the simulator ({error?.GetType().Name}: {error?.Message})";
        }

        // The simulator records a request once its response is written, which can be just after the client has it.
        using var recording = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await harness.Simulator.Inspector.WaitUntilAsync(i => i.Requests.Any(r => r.CorrelationId == correlationId), recording.Token);
        }
        catch (OperationCanceledException)
        {
            return $"the simulator did not record correlation id {correlationId}";
        }

        var recorded = harness.Simulator.Inspector.Requests.Single(r => r.CorrelationId == correlationId);
        if (recorded.Operation != operationId)
        {
            return $"the simulator matched {recorded.Operation ?? "nothing"} for {recorded.Method} {recorded.RawTarget}";
        }

        if (recorded.Method != operation.GetProperty("method").GetString())
        {
            return $"method {recorded.Method}";
        }

        var sentQuery = ParseQueryNames(recorded.RawTarget);
        var expectedQuery = specParameters.Values.Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToHashSet(StringComparer.Ordinal);
        if (!expectedQuery.SetEquals(sentQuery))
        {
            return $"query [{string.Join(",", sentQuery.Order())}], manifest [{string.Join(",", expectedQuery.Order())}]";
        }

        if (specParameters.Values.Any(p => p.GetProperty("in").GetString() == "body") && string.IsNullOrEmpty(recorded.Body))
        {
            return "no body was sent";
        }

        return error switch
        {
            null => null,
            GenesysCloudApiException api when Seeded.Contains(operationId) && (int)api.StatusCode is 400 or 404 or 409 => null,
            _ => $"{error.GetType().Name}: {error.Message} (answered {recorded.StatusCode})",
        };
    }

    private static HashSet<string> ParseQueryNames(string rawTarget)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var index = rawTarget.IndexOf('?', StringComparison.Ordinal);
        if (index < 0)
        {
            return names;
        }

        foreach (var pair in rawTarget[(index + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            names.Add(Uri.UnescapeDataString(pair.Split('=')[0]));
        }

        return names;
    }

    private static object? Synthesize(Type type, JsonElement spec)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() is var definition
            && (definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyList<>)))
        {
            var itemType = underlying.GetGenericArguments()[0];
            var itemSpec = spec.TryGetProperty("items", out var items) ? items : spec;
            var array = Array.CreateInstance(itemType, 1);
            array.SetValue(Scalar(itemType, itemSpec), 0);
            return array;
        }

        return Scalar(underlying, spec);
    }

    private static object? Scalar(Type type, JsonElement spec)
    {
        var format = spec.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (type == typeof(string))
        {
            if (spec.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
            {
                return values[0].GetString();
            }

            return format switch
            {
                "date-time" => "2026-01-02T03:04:05.000Z",
                "date" => "2026-01-02",
                _ => "x1",
            };
        }

        if (type == typeof(int))
        {
            return 1;
        }

        if (type == typeof(long))
        {
            return 1L;
        }

        if (type == typeof(double))
        {
            return 1.5;
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(DateTimeOffset))
        {
            return Date;
        }

        if (type == typeof(JsonElement))
        {
            return JsonDocument.Parse("{}").RootElement.Clone();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            return Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(type.GetGenericArguments()));
        }

        return type.IsValueType || type.GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance(type) : null;
    }
}
