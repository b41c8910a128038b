using System.Text.Json.Nodes;

namespace GenesysCloud.Extensions.Generator.Tests;

public sealed class ManifestWellFormedTests
{
    [Fact]
    public void The_committed_manifest_has_no_duplicate_property_names()
    {
        // JsonNode materializes objects into dictionaries, so a duplicate key throws (as it did in the simulator).
        var manifest = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Manifest))!;
        var count = 0;
        foreach (var operation in manifest["operations"]!.AsArray())
        {
            foreach (var parameter in operation!["parameters"]!.AsArray())
            {
                Assert.NotNull(parameter!["name"]);
                _ = parameter["required"]!.GetValue<bool>();
                count++;
            }
        }

        Assert.True(count > 1000);
    }
}
