using System.Text.Json;
using System.Text.Json.Serialization;
using GenesysCloud.Extensions.Errors;

namespace GenesysCloud.Extensions.Serialization;

/// <summary>
/// Source-generated metadata of the few types the core itself reads (the error body), so errors are read without
/// reflection in trimmed and Native AOT applications too.
/// </summary>
[JsonSerializable(typeof(GenesysCloudErrorBody))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class GenesysCloudCoreJsonContext : JsonSerializerContext;
