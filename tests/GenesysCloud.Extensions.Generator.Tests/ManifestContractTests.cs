using System.Reflection;
using System.Text.Json;
using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Requests;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GenesysCloud.Extensions.Generator.Tests;

/// <summary>
/// The shape contract: every manifest operation, invoked through each of its interfaces with synthetic arguments,
/// produces the request the manifest describes (method, path template, path parameters, query names, headers, body).
/// </summary>
public sealed class ManifestContractTests(ITestOutputHelper output)
{
    private static readonly Assembly Library = typeof(IRoutingApi).Assembly;

    [Fact]
    public async Task Every_operation_sends_the_request_its_manifest_entry_describes()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Manifest));
        var failures = new List<string>();
        var invocations = 0;
        foreach (var operation in manifest.RootElement.GetProperty("operations").EnumerateArray())
        {
            var interfaces = operation.GetProperty("interfaces").EnumerateArray().Select(e => e.GetString()!).ToList();
            var names = operation.TryGetProperty("methodNames", out var n)
                ? n.EnumerateArray().Select(e => e.GetString()!).ToList()
                : interfaces.Select(_ => operation.GetProperty("methodName").GetString()!).ToList();
            for (var i = 0; i < interfaces.Count; i++)
            {
                invocations++;
                var failure = await CheckAsync(operation, interfaces[i], names[i]);
                if (failure is not null)
                {
                    failures.Add($"{operation.GetProperty("operationId").GetString()} ({interfaces[i]}.{names[i]}): {failure}");
                }
            }
        }

        output.WriteLine($"{invocations} methods invoked, {failures.Count} failed.");
        Assert.True(failures.Count == 0, $"{failures.Count} operations do not match the manifest:\n{string.Join('\n', failures.Take(30))}");
        Assert.Equal(manifest.RootElement.GetProperty("methodCount").GetInt32(), invocations);
    }

    [Fact]
    public void Registration_resolves_every_category_interface()
    {
        var services = new ServiceCollection();
        var client = new FakeClient().Client;
        var contoso = new FakeClient().Client;
        services.AddSingleton(client);
        services.AddKeyedSingleton("contoso", contoso);
        var registration = Library.GetType("GenesysCloud.Extensions.GenesysCloudApiRegistration", throwOnError: true)!;
        var register = registration.GetMethod("AddGenesysCloudApis", BindingFlags.Static | BindingFlags.NonPublic)!;

        var watch = System.Diagnostics.Stopwatch.StartNew();
        register.Invoke(null, [services, string.Empty]);
        var registered = watch.Elapsed;
        register.Invoke(null, [services, "contoso"]);
        using var provider = services.BuildServiceProvider();
        watch.Restart();
        var routing = provider.GetRequiredService<IRoutingApi>();
        var firstResolve = watch.Elapsed;

        var interfaces = Library.GetTypes().Where(t => t.IsInterface && t.IsPublic && t.Namespace == "GenesysCloud.Extensions.Api").ToList();
        Assert.Equal(86, interfaces.Count);
        Assert.Contains(interfaces, t => t.Name == "ITelephonyProvidersEdgeApi");
        Assert.Contains(interfaces, t => t.Name == "ISpeechTextAnalyticsApi");
        Assert.Contains(interfaces, t => t.Name == "ISCIMApi");
        Assert.Contains(interfaces, t => t.Name == "IInfrastructureAsCodeApi");
        var apiProvider = provider.GetRequiredService<GenesysCloud.Extensions.Api.IGenesysCloudApiProvider>();
        foreach (var type in interfaces)
        {
            // Unkeyed for the unnamed client, keyed by name for a named one, and created on demand for a run-time one.
            Assert.NotNull(provider.GetService(type));
            Assert.NotNull(provider.GetRequiredKeyedService(type, "contoso"));
            Assert.NotSame(provider.GetService(type), provider.GetRequiredKeyedService(type, "contoso"));
            Assert.IsAssignableFrom(type, apiProvider.Create(type, client));
        }

        Assert.Null(apiProvider.Create(typeof(IDisposable), client));

        Assert.Same(routing, provider.GetRequiredService<IRoutingApi>());
        output.WriteLine($"Registering 86 interfaces: {registered.TotalMilliseconds:F2} ms; first resolve of IRoutingApi: {firstResolve.TotalMilliseconds:F2} ms.");
    }

    private static async Task<string?> CheckAsync(JsonElement operation, string interfaceName, string methodName)
    {
        var type = Library.GetType($"GenesysCloud.Extensions.Api.{interfaceName}");
        var method = type?.GetMethod(methodName);
        if (type is null || method is null)
        {
            return "method not found";
        }

        // A minimal body of the declared response shape, so the typed response is deserialized too.
        var fake = new FakeClient().Respond(SampleBody(operation.GetProperty("responseSchema")));
        var implementation = Library.GetType($"GenesysCloud.Extensions.Api.{interfaceName[1..]}")!;
        var api = Activator.CreateInstance(implementation, fake.Client);
        var parameters = operation.GetProperty("parameters").EnumerateArray().ToList();
        var arguments = method.GetParameters()
            .Select(p => p.ParameterType == typeof(CancellationToken) ? CancellationToken.None : Synthesize(p.ParameterType))
            .ToArray();
        try
        {
            await (Task)method.Invoke(api, arguments)!;
        }
        catch (Exception ex)
        {
            return $"threw {(ex is TargetInvocationException t ? t.InnerException : ex)?.GetType().Name}: {(ex is TargetInvocationException t2 ? t2.InnerException : ex)?.Message}";
        }

        if (fake.Requests.Count != 1)
        {
            return $"{fake.Requests.Count} requests sent";
        }

        var request = fake.Requests[0];
        string Names(string location) => string.Join(",", parameters.Where(p => p.GetProperty("in").GetString() == location).Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal));

        if (request.Method.Method != operation.GetProperty("method").GetString())
        {
            return $"method {request.Method.Method}";
        }

        if (request.PathTemplate != operation.GetProperty("path").GetString())
        {
            return $"path {request.PathTemplate}";
        }

        if (request.Operation != operation.GetProperty("operationId").GetString())
        {
            return $"operation {request.Operation}";
        }

        try
        {
            request.BuildRelativeUri(); // throws when a path parameter was not set
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }

        var query = string.Join(",", request.QueryParameters.Select(q => q.Key).Distinct().Order(StringComparer.Ordinal));
        if (query != Names("query"))
        {
            return $"query [{query}], manifest [{Names("query")}]";
        }

        // A non-JSON operation (manifest "produces") also sends Accept with its media types.
        var produces = operation.TryGetProperty("produces", out var mediaTypes) ? string.Join(", ", mediaTypes.EnumerateArray().Select(t => t.GetString())) : null;
        if (produces is not null && request.Headers.SingleOrDefault(h => h.Key == "Accept").Value != produces)
        {
            return $"Accept [{request.Headers.SingleOrDefault(h => h.Key == "Accept").Value}], manifest produces [{produces}]";
        }

        var headers = string.Join(",", request.Headers.Where(h => produces is null || h.Key != "Accept").Select(h => h.Key).Order(StringComparer.Ordinal));
        if (headers != Names("header"))
        {
            return $"headers [{headers}], manifest [{Names("header")}]";
        }

        var hasBody = parameters.Any(p => p.GetProperty("in").GetString() == "body");
        return (request.Body is not null) == hasBody ? null : $"body sent: {request.Body is not null}, manifest: {hasBody}";
    }

    private static string SampleBody(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return string.Empty;
        }

        if (schema.TryGetProperty("$ref", out _))
        {
            return """{"id":"x1","unknownProperty":{"a":1}}""";
        }

        return (schema.TryGetProperty("type", out var type) ? type.GetString() : null) switch
        {
            "array" => $"[{SampleBody(schema.GetProperty("items"))}]",
            "string" => "\"x1\"",
            "integer" => "4294967296",
            "number" => "1.5",
            "boolean" => "true",
            _ => "{}",
        };
    }

    private static object? Synthesize(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return "x1";
        }

        if (underlying == typeof(int))
        {
            return 1;
        }

        if (underlying == typeof(long))
        {
            return 1L;
        }

        if (underlying == typeof(double))
        {
            return 1.5;
        }

        if (underlying == typeof(bool))
        {
            return true;
        }

        if (underlying == typeof(DateTimeOffset))
        {
            return new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        }

        if (underlying == typeof(JsonElement))
        {
            return JsonDocument.Parse("{}").RootElement.Clone();
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() is var definition
            && (definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyList<>)))
        {
            var item = underlying.GetGenericArguments()[0];
            var array = Array.CreateInstance(item, 1);
            array.SetValue(Synthesize(item), 0);
            return array;
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            return Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(underlying.GetGenericArguments()));
        }

        if (underlying.IsValueType)
        {
            return Activator.CreateInstance(underlying);
        }

        return Activator.CreateInstance(underlying) ?? throw new InvalidOperationException($"Cannot synthesize {type}.");
    }
}
