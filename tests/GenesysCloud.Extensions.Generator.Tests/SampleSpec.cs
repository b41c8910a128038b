using GenesysCloud.Extensions.Generator;

namespace GenesysCloud.Extensions.Generator.Tests;

/// <summary>The hand-written sample spec (Specs/sample-spec.json), generated once per test class.</summary>
public sealed class SampleSpec
{
    public SampleSpec()
    {
        Json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", "sample-spec.json"));
        Files = ApiSurfaceGenerator.Generate(Json, out var summary);
        Summary = summary;
    }

    public string Json { get; }

    internal SortedDictionary<string, string> Files { get; }

    internal GenerationSummary Summary { get; }
}
