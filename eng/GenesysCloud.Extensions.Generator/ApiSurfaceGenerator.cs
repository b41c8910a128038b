using System.Text.Json;

namespace GenesysCloud.Extensions.Generator;

/// <summary>The counts of one generation, for the console and the docs.</summary>
internal sealed record GenerationSummary(int Categories, int Operations, int Methods, int Models, int PagedOperations);

/// <summary>
/// Generates the whole API surface from a Swagger 2.0 document: file path (relative to the output folder, with
/// <c>/</c>) → content. Pure and deterministic: the same document gives byte-identical files.
/// </summary>
internal static class ApiSurfaceGenerator
{
    public static SortedDictionary<string, string> Generate(JsonElement root, out GenerationSummary summary) =>
        Generate(root, out summary, out _);

    /// <summary>Generates the files and the sorted listing of the generated public surface (<c>docs/api/generated-surface.txt</c>).</summary>
    public static SortedDictionary<string, string> Generate(JsonElement root, out GenerationSummary summary, out string surface)
    {
        var document = SwaggerDocument.Parse(root);
        var models = new ModelGenerator(document);
        var operations = ApiModelBuilder.BuildOperations(document, models);
        var categories = ApiModelBuilder.BuildCategories(operations);

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        models.Write(files);
        var responseTypes = JsonTypeInfoGenerator.Members(operations.Where(o => o.ReturnType is not null && !o.ReturnsText).Select(o => o.ReturnType!));
        ApiGenerator.Write(categories, responseTypes, files);
        files[$"Api/{JsonTypeInfoGenerator.ClassName}.cs"] = JsonTypeInfoGenerator.Write(responseTypes, models.Json);
        files["api-manifest.json"] = ManifestWriter.WriteManifest(document, operations, categories, models.Models.Count);
        files["api-schemas.json"] = ManifestWriter.WriteSchemas(document, models);

        surface = SurfaceListingWriter.Write(categories, models);
        summary = new GenerationSummary(
            categories.Count,
            operations.Count,
            categories.Sum(c => c.Methods.Count),
            models.Models.Count,
            operations.Count(o => o.Paging is not null));
        return files;
    }

    public static SortedDictionary<string, string> Generate(string json, out GenerationSummary summary) =>
        Generate(json, out summary, out _);

    public static SortedDictionary<string, string> Generate(string json, out GenerationSummary summary, out string surface)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        return Generate(document.RootElement, out summary, out surface);
    }

    /// <summary>Replaces the output folder's content with <paramref name="files"/>.</summary>
    public static void WriteFolder(string outputDirectory, IReadOnlyDictionary<string, string> files)
    {
        if (Directory.Exists(outputDirectory))
        {
            Directory.Delete(outputDirectory, recursive: true);
        }

        var encoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach (var (relative, content) in files)
        {
            var path = Path.Combine(outputDirectory, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content, encoding);
        }
    }
}
