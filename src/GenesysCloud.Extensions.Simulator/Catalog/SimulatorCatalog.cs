using System.Text.Json;
using System.Text.Json.Nodes;
using GenesysCloud.Extensions.Simulator.Catalog;

namespace GenesysCloud.Extensions.Simulator;

/// <summary>
/// The operations and schemas the simulator answers for every route its seeded organization does not implement: it validates
/// requests against the operation and answers a deterministic example of the response schema.
/// </summary>
/// <remarks>
/// Loaded from the generator's <c>api-manifest.json</c> (<c>{"operations":[...]}</c>) and <c>api-schemas.json</c>
/// (<c>{"definitions":{...}}</c>); unknown fields are ignored.
/// </remarks>
public sealed class SimulatorCatalog
{
    private const string ManifestResource = "GenesysCloud.Extensions.Simulator.api-manifest.json";
    private const string SchemasResource = "GenesysCloud.Extensions.Simulator.api-schemas.json";

    private static readonly Lazy<SimulatorCatalog?> EmbeddedCatalog = new(LoadEmbedded);

    private readonly Dictionary<(string Method, int Segments), List<CatalogOperation>> _index = [];

    private SimulatorCatalog(IReadOnlyList<CatalogOperation> operations, JsonObject definitions)
    {
        Operations = operations;
        Definitions = definitions;
        foreach (var operation in operations)
        {
            var key = (operation.Method, operation.Template.SegmentCount);
            if (!_index.TryGetValue(key, out var list))
            {
                _index[key] = list = [];
            }

            list.Add(operation);
        }

        foreach (var list in _index.Values)
        {
            list.Sort(static (x, y) => Http.RouteTemplate.CompareSpecificity(x.Template, y.Template));
        }
    }

    /// <summary>Gets the catalog embedded in the simulator assembly, or <see langword="null"/> when it was built without the generator's files.</summary>
    public static SimulatorCatalog? Embedded => EmbeddedCatalog.Value;

    /// <summary>Gets the number of operations in the catalog.</summary>
    public int OperationCount => Operations.Count;

    internal IReadOnlyList<CatalogOperation> Operations { get; }

    internal JsonObject Definitions { get; }

    /// <summary>Loads a catalog from a manifest and a schemas stream.</summary>
    /// <param name="manifest">The <c>api-manifest.json</c> content.</param>
    /// <param name="schemas">The <c>api-schemas.json</c> content.</param>
    /// <returns>The catalog.</returns>
    public static SimulatorCatalog Load(Stream manifest, Stream schemas)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(schemas);
        var documentOptions = new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
        var manifestNode = JsonNode.Parse(manifest, documentOptions: documentOptions) as JsonObject
            ?? throw new InvalidDataException("The API manifest must be a JSON object.");
        var schemasNode = JsonNode.Parse(schemas, documentOptions: documentOptions) as JsonObject
            ?? throw new InvalidDataException("The API schemas must be a JSON object.");

        var operations = manifestNode["operations"] is JsonArray array
            ? array.OfType<JsonObject>().Select(CatalogOperation.Parse).Where(static o => o.OperationId.Length > 0).ToArray()
            : [];
        return new SimulatorCatalog(operations, schemasNode["definitions"] as JsonObject ?? []);
    }

    /// <summary>Loads a catalog from a manifest file and a schemas file.</summary>
    /// <param name="manifestPath">The path of <c>api-manifest.json</c>.</param>
    /// <param name="schemasPath">The path of <c>api-schemas.json</c>.</param>
    /// <returns>The catalog.</returns>
    public static SimulatorCatalog LoadFromFiles(string manifestPath, string schemasPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(manifestPath);
        ArgumentException.ThrowIfNullOrEmpty(schemasPath);
        using var manifest = File.OpenRead(manifestPath);
        using var schemas = File.OpenRead(schemasPath);
        return Load(manifest, schemas);
    }

    /// <summary>Finds the most specific operation for a method and path.</summary>
    internal (CatalogOperation Operation, Dictionary<string, string> Values)? Find(string method, string path)
    {
        var segments = path.Trim('/').Split('/').Length;
        if (!_index.TryGetValue((method.ToUpperInvariant(), segments), out var candidates))
        {
            return null;
        }

        foreach (var operation in candidates)
        {
            if (operation.Template.Match(path) is { } values)
            {
                return (operation, values);
            }
        }

        return null;
    }

    private static SimulatorCatalog? LoadEmbedded()
    {
        var assembly = typeof(SimulatorCatalog).Assembly;
        using var manifest = assembly.GetManifestResourceStream(ManifestResource);
        using var schemas = assembly.GetManifestResourceStream(SchemasResource);
        return manifest is null || schemas is null ? null : Load(manifest, schemas);
    }
}
