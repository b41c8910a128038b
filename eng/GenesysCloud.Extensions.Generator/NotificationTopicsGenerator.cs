using System.Globalization;
using System.Text.Json;

namespace GenesysCloud.Extensions.Generator;

/// <summary>The counts of one generation of the notification events.</summary>
internal sealed record NotificationGenerationSummary(int Topics, int Models, int ReferencedApiModels);

/// <summary>
/// Generates the typed notification events of <c>GenesysCloud.Extensions.Notifications</c> from the topic table
/// (<c>notification-topics.json</c>: topic pattern → definition typing its <c>eventBody</c>) and the Swagger document: one
/// model per definition reachable from the topics, written by the same <see cref="ModelGenerator"/> as the API models (so
/// they have exactly their shape), in <see cref="EventsNamespace"/>; a definition the API surface already generates is
/// referenced, not generated again. Also writes the topic-pattern → event-type table and a JSON copy of it for the
/// simulator. Pure and deterministic, like <see cref="ApiSurfaceGenerator"/>.
/// </summary>
internal static class NotificationTopicsGenerator
{
    public const string EventsNamespace = "GenesysCloud.Extensions.Notifications.Events";
    public const string TableNamespace = "GenesysCloud.Extensions.Notifications.Topics";

    public static SortedDictionary<string, string> Generate(string specJson, string topicsJson, out NotificationGenerationSummary summary)
    {
        var options = new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
        using var spec = JsonDocument.Parse(specJson, options);
        using var topics = JsonDocument.Parse(topicsJson, options);
        return Generate(spec.RootElement, topics.RootElement, out summary);
    }

    public static SortedDictionary<string, string> Generate(JsonElement specRoot, JsonElement topicsRoot, out NotificationGenerationSummary summary)
    {
        var document = SwaggerDocument.Parse(specRoot);
        var table = ReadTopics(topicsRoot, document);
        var api = new ModelGenerator(document);
        var roots = table.Values.Distinct(StringComparer.Ordinal).Select(Reference).ToList();
        var events = new ModelGenerator(document, roots, EventsNamespace, inherited: api);

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var models = new SortedDictionary<string, string>(StringComparer.Ordinal);
        events.Write(models);
        foreach (var (path, content) in models)
        {
            // ModelGenerator writes Models/{Name}.cs; the events live in Events/, after their namespace.
            files["Events/" + path[(path.IndexOf('/', StringComparison.Ordinal) + 1)..]] = content;
        }

        var entries = table
            .Select(t => (Pattern: t.Key, Definition: t.Value, Type: events.TypeMap.Map(Reference(t.Value), model: true)))
            .ToList();
        files["NotificationTopicTable.cs"] = WriteTable(entries, document.Version);
        files["notification-topics.json"] = WriteJson(entries, document.Version);

        var referenced = table.Values.Distinct(StringComparer.Ordinal).Count(api.Models.ContainsKey);
        summary = new NotificationGenerationSummary(table.Count, events.Models.Count, referenced);
        return files;
    }

    private static JsonElement Reference(string definition) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["$ref"] = "#/definitions/" + definition });

    private static SortedDictionary<string, string> ReadTopics(JsonElement root, SwaggerDocument document)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("topics", out var topics) || topics.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("The notification topics file has no \"topics\" object (topic pattern → definition name).");
        }

        var table = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var topic in topics.EnumerateObject())
        {
            if (topic.Value.ValueKind != JsonValueKind.String || topic.Value.GetString() is not { Length: > 0 } definition)
            {
                throw new InvalidDataException($"The topic {topic.Name} does not name a definition.");
            }

            if (!document.Definitions.ContainsKey(definition))
            {
                throw new InvalidDataException($"The topic {topic.Name} names the definition {definition}, which the spec does not define.");
            }

            table[topic.Name] = definition;
        }

        return table;
    }

    private static string WriteTable(IReadOnlyList<(string Pattern, string Definition, CsType Type)> entries, string version)
    {
        var w = CodeWriter.File(TableNamespace);
        var count = entries.Count.ToString(CultureInfo.InvariantCulture);
        w.Doc("summary", $"The {count} notification topics of the Genesys Cloud Platform API{(version.Length == 0 ? string.Empty : " " + Naming.Xml(version))} and the type of each one's <c>eventBody</c>.");
        w.Open("internal static class NotificationTopicTable");
        w.Doc("summary", "Gets every topic pattern (segments written <c>{id}</c> stand for one entity id) with its event type, in ordinal order of the pattern.");
        w.Line("public static global::System.Collections.Generic.IReadOnlyList<(string Pattern, global::System.Type EventType)> Entries { get; } =");
        w.Line("[");
        w.Indent();
        foreach (var (pattern, _, type) in entries)
        {
            w.Line($"({Naming.Literal(pattern)}, typeof({type.Name})),");
        }

        w.Outdent();
        w.Line("];");
        w.Close();
        return w.ToString();
    }

    private static string WriteJson(IReadOnlyList<(string Pattern, string Definition, CsType Type)> entries, string version) =>
        ManifestWriter.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("version", version);
            writer.WriteNumber("count", entries.Count);
            writer.WriteStartArray("topics");
            foreach (var (pattern, definition, type) in entries)
            {
                writer.WriteStartObject();
                writer.WriteString("pattern", pattern);
                writer.WriteString("definition", definition);
                writer.WriteString("type", type.Name.StartsWith("global::", StringComparison.Ordinal) ? type.Name["global::".Length..] : type.Name);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
}
