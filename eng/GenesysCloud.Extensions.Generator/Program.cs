using System.Globalization;
using GenesysCloud.Extensions.Generator;

// Usage: dotnet run --project eng/GenesysCloud.Extensions.Generator [-- --spec <path|url>] [--out <folder>]
// Defaults (relative to the current directory, meant to be the repository root):
//   --spec ../shared/genesys-cloud-api/publicapi-v2.json
//   --out  src/GenesysCloud.Extensions/Generated
var spec = "../shared/genesys-cloud-api/publicapi-v2.json";
var output = "src/GenesysCloud.Extensions/Generated";
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--spec" when i + 1 < args.Length:
            spec = args[++i];
            break;
        case "--out" when i + 1 < args.Length:
            output = args[++i];
            break;
        case "-h" or "--help":
            Console.WriteLine("Usage: GenesysCloud.Extensions.Generator [--spec <path or http(s) URL>] [--out <folder>]");
            return 0;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Use --help.");
            return 2;
    }
}

string json;
if (spec.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || spec.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
{
    // The spec Genesys publishes, e.g. https://api.mypurecloud.com/api/v2/docs/swagger.
    using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
    json = await http.GetStringAsync(new Uri(spec)).ConfigureAwait(false);
}
else
{
    json = await File.ReadAllTextAsync(spec).ConfigureAwait(false);
}

var files = ApiSurfaceGenerator.Generate(json, out var summary);
ApiSurfaceGenerator.WriteFolder(output, files);
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"Generated {files.Count} files into {output}: {summary.Categories} categories, {summary.Operations} operations, {summary.Methods} methods, {summary.Models} models, {summary.PagedOperations} paged operations."));
return 0;
