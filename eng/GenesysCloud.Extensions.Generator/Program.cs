using System.Globalization;
using GenesysCloud.Extensions.Generator;

// Usage: dotnet run --project eng/GenesysCloud.Extensions.Generator [-- --spec <path|url>] [--out <folder>]
//          [--topics <path>] [--notifications-out <folder>] [--surface-out <file>]
// Defaults (relative to the current directory, meant to be the repository root):
//   --spec              ../shared/genesys-cloud-api/publicapi-v2.json
//   --out               src/GenesysCloud.Extensions/Generated
//   --topics            ../shared/genesys-cloud-api/notification-topics.json
//   --notifications-out src/GenesysCloud.Extensions.Notifications/Generated
//   --surface-out       docs/api/generated-surface.txt   (the generated public surface, one line per member)
var spec = "../shared/genesys-cloud-api/publicapi-v2.json";
var output = "src/GenesysCloud.Extensions/Generated";
var topics = "../shared/genesys-cloud-api/notification-topics.json";
var notificationsOutput = "src/GenesysCloud.Extensions.Notifications/Generated";
var surfaceOutput = "docs/api/generated-surface.txt";
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
        case "--topics" when i + 1 < args.Length:
            topics = args[++i];
            break;
        case "--notifications-out" when i + 1 < args.Length:
            notificationsOutput = args[++i];
            break;
        case "--surface-out" when i + 1 < args.Length:
            surfaceOutput = args[++i];
            break;
        case "-h" or "--help":
            Console.WriteLine("Usage: GenesysCloud.Extensions.Generator [--spec <path or http(s) URL>] [--out <folder>] [--topics <path>] [--notifications-out <folder>] [--surface-out <file>]");
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

var files = ApiSurfaceGenerator.Generate(json, out var summary, out var surface);
ApiSurfaceGenerator.WriteFolder(output, files);
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(surfaceOutput))!);
await File.WriteAllTextAsync(surfaceOutput, surface, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)).ConfigureAwait(false);
Console.WriteLine($"Wrote the generated public surface to {surfaceOutput}.");
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"Generated {files.Count} files into {output}: {summary.Categories} categories, {summary.Operations} operations, {summary.Methods} methods, {summary.Models} models, {summary.PagedOperations} paged operations."));

// The notification events: the topic table names definitions of the same spec.
if (!File.Exists(topics))
{
    Console.Error.WriteLine($"The notification topics file {topics} does not exist; {notificationsOutput} was left unchanged (use --topics).");
    return 0;
}

var notificationFiles = NotificationTopicsGenerator.Generate(json, await File.ReadAllTextAsync(topics).ConfigureAwait(false), out var notifications);
ApiSurfaceGenerator.WriteFolder(notificationsOutput, notificationFiles);
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"Generated {notificationFiles.Count} files into {notificationsOutput}: {notifications.Topics} notification topics, {notifications.Models} event models, {notifications.ReferencedApiModels} topic types shared with the API models."));
return 0;
