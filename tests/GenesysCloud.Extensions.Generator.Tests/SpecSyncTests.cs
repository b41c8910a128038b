using System.Text.Json;
using GenesysCloud.Extensions.Generator;

namespace GenesysCloud.Extensions.Generator.Tests;

/// <summary>The committed generated code is exactly what the generator makes of the shared spec.</summary>
public sealed class SpecSyncTests
{
    private const string Hint = "run `dotnet run --project eng/GenesysCloud.Extensions.Generator` from the repository root and commit the result";

    [SharedSpecFact]
    public void Regenerating_from_the_shared_spec_reproduces_the_committed_files()
    {
        var expected = ApiSurfaceGenerator.Generate(File.ReadAllText(RepositoryPaths.SharedSpec), out var summary, out var surface);
        AssertCommitted(RepositoryPaths.GeneratedFolder, expected);

        // The surface listing is committed with the code, so every regeneration's API change shows in the diff.
        Assert.True(File.Exists(RepositoryPaths.SurfaceListing), $"{RepositoryPaths.SurfaceListing} is missing ({Hint}).");
        Assert.True(
            File.ReadAllBytes(RepositoryPaths.SurfaceListing).AsSpan().SequenceEqual(System.Text.Encoding.UTF8.GetBytes(surface)),
            $"{RepositoryPaths.SurfaceListing} differs from the generated surface ({Hint}).");

        Assert.Equal(86, summary.Categories);
        Assert.Equal(3164, summary.Operations);
        Assert.Equal(3310, summary.Methods);
    }

    [SharedSpecFact]
    public void Regenerating_from_the_shared_spec_and_topics_reproduces_the_committed_notification_files()
    {
        var expected = NotificationTopicsGenerator.Generate(File.ReadAllText(RepositoryPaths.SharedSpec), File.ReadAllText(RepositoryPaths.SharedTopics), out var summary);
        AssertCommitted(RepositoryPaths.NotificationsGeneratedFolder, expected);

        Assert.Equal(237, summary.Topics);
        Assert.Equal(1432, summary.Models);
    }

    private static void AssertCommitted(string folder, IReadOnlyDictionary<string, string> expected)
    {
        var committed = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        var missing = expected.Keys.Except(committed, StringComparer.Ordinal).Take(10).ToList();
        var extra = committed.Except(expected.Keys, StringComparer.Ordinal).Take(10).ToList();
        Assert.True(missing.Count == 0, $"Generated files missing from {folder} ({Hint}): {string.Join(", ", missing)}");
        Assert.True(extra.Count == 0, $"Files in {folder} the generator does not make ({Hint}): {string.Join(", ", extra)}");

        var different = expected
            .Where(f => !File.ReadAllBytes(Path.Combine(folder, f.Key)).AsSpan().SequenceEqual(System.Text.Encoding.UTF8.GetBytes(f.Value)))
            .Select(f => f.Key)
            .Take(10)
            .ToList();
        Assert.True(different.Count == 0, $"Generated files in {folder} differ from the committed ones ({Hint}): {string.Join(", ", different)}");
    }

    [SharedSpecFact]
    public void Manifest_method_and_path_pairs_equal_the_specs()
    {
        using var spec = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.SharedSpec));
        var methods = new[] { "get", "put", "post", "delete", "options", "head", "patch" };
        var fromSpec = spec.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(m => methods.Contains(m.Name)).Select(m => $"{m.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet(StringComparer.Ordinal);

        using var manifest = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Manifest));
        var operations = manifest.RootElement.GetProperty("operations").EnumerateArray().ToList();
        var fromManifest = operations.Select(o => $"{o.GetProperty("method").GetString()} {o.GetProperty("path").GetString()}").ToList();

        Assert.Equal(fromManifest.Count, fromManifest.Distinct(StringComparer.Ordinal).Count());
        Assert.True(fromSpec.SetEquals(fromManifest), $"Only in spec: {string.Join(", ", fromSpec.Except(fromManifest).Take(5))}; only in manifest: {string.Join(", ", fromManifest.Except(fromSpec).Take(5))}");
        Assert.Equal(3164, manifest.RootElement.GetProperty("operationCount").GetInt32());
        Assert.Equal(86, manifest.RootElement.GetProperty("categoryCount").GetInt32());
        Assert.Equal(3310, operations.Sum(o => o.GetProperty("interfaces").GetArrayLength()));
    }
}
