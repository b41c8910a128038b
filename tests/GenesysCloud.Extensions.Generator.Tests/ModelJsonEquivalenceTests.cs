using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Serialization;
using GenesysCloud.Extensions.Simulator.Catalog;
using Xunit.Abstractions;

namespace GenesysCloud.Extensions.Generator.Tests;

/// <summary>
/// For every generated model, the generated reader and writer produce what reflection-based System.Text.Json
/// produces: the same object (compared through one serializer) and the same JSON, with nulls omitted and written.
/// The inputs are the simulator's schema-valid example of each definition, plus a variant with every property
/// <c>null</c> and an unknown property.
/// </summary>
public sealed class ModelJsonEquivalenceTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_model_reads_and_writes_like_reflection_based_System_Text_Json()
    {
        var definitions = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.GeneratedFolder, "api-schemas.json")))!["definitions"]!;
        var examples = new SchemaExampleGenerator(definitions);
        var reflection = ReflectionModelResolver.CreateOptions();
        var reflectionWithNulls = ReflectionModelResolver.CreateOptions(JsonIgnoreCondition.Never);
        var generatedWithNulls = new JsonSerializerOptions(GenesysCloudJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };
        var library = typeof(IRoutingApi).Assembly;

        var failures = new List<string>();
        var compared = 0;
        foreach (var (definition, name) in ModelNames(definitions))
        {
            var type = library.GetType($"GenesysCloud.Extensions.Models.{name}", throwOnError: true)!;
            var example = examples.Generate(new JsonObject { ["$ref"] = $"#/definitions/{definition}" })!.ToJsonString();
            foreach (var json in new[] { example, WithNullsAndUnknown(definitions, definition) })
            {
                compared++;
                var failure = Compare(type, json, reflection, reflectionWithNulls, generatedWithNulls);
                if (failure is not null)
                {
                    failures.Add($"{name}: {failure}\n  input: {Truncate(json)}");
                }
            }
        }

        output.WriteLine($"{compared} documents of {definitions.Count} models compared, {failures.Count} differ.");
        Assert.Equal(4603, definitions.Count);
        Assert.True(failures.Count == 0, $"{failures.Count} documents differ:\n{string.Join('\n', failures.Take(20))}");
    }

    private static string? Compare(Type type, string json, JsonSerializerOptions reflection, JsonSerializerOptions reflectionWithNulls, JsonSerializerOptions generatedWithNulls)
    {
        object? expected;
        try
        {
            expected = JsonSerializer.Deserialize(json, type, reflection);
        }
        catch (JsonException ex)
        {
            // What reflection rejects, the generated reader rejects too.
            return Throws(() => JsonSerializer.Deserialize(json, type, GenesysCloudJson.Options)) ? null : $"reflection threw ({ex.Message}), generated did not";
        }

        var actual = JsonSerializer.Deserialize(json, type, GenesysCloudJson.Options);
        Assert.IsType(type, actual);

        // The generated reader: its object, written by reflection, equals reflection's object.
        var expectedJson = JsonSerializer.Serialize(expected, type, reflection);
        var readJson = JsonSerializer.Serialize(actual, type, reflection);
        if (readJson != expectedJson)
        {
            return $"read differs:\n  reflection {Truncate(expectedJson)}\n  generated  {Truncate(readJson)}";
        }

        // The generated writer, nulls omitted and written.
        var written = JsonSerializer.Serialize(actual, type, GenesysCloudJson.Options);
        if (written != expectedJson)
        {
            return $"write differs:\n  reflection {Truncate(expectedJson)}\n  generated  {Truncate(written)}";
        }

        var expectedWithNulls = JsonSerializer.Serialize(expected, type, reflectionWithNulls);
        var writtenWithNulls = JsonSerializer.Serialize(actual, type, generatedWithNulls);
        return writtenWithNulls == expectedWithNulls
            ? null
            : $"write with nulls differs:\n  reflection {Truncate(expectedWithNulls)}\n  generated  {Truncate(writtenWithNulls)}";
    }

    // The generator's names: definitions in ordinal order, PascalCased, made unique ignoring case.
    private static IEnumerable<(string Definition, string Name)> ModelNames(JsonObject definitions)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var definition in definitions.Select(d => d.Key).Order(StringComparer.Ordinal))
        {
            yield return (definition, Naming.Unique(Naming.Pascal(definition), taken));
        }
    }

    // Every declared property null (lists and models too), plus a property no version declares.
    private static string WithNullsAndUnknown(JsonObject definitions, string definition)
    {
        var result = new JsonObject();
        if (definitions[definition]?["properties"] is JsonObject properties)
        {
            foreach (var (name, _) in properties)
            {
                result[name] = null;
            }
        }

        result["propertyFromTheFuture"] = new JsonObject { ["nested"] = new JsonArray(1, "two", null, true) };
        return result.ToJsonString();
    }

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (JsonException)
        {
            return true;
        }
    }

    private static string Truncate(string text) => text.Length <= 600 ? text : text[..600] + "…";
}
