using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenesysCloud.Extensions.Notifications;

/// <summary>The <c>metadata</c> of a notification event.</summary>
public sealed class GenesysCloudNotificationMetadata
{
    /// <summary>Gets or sets the event's correlation id (<c>CorrelationId</c>), which also identifies it across channels.</summary>
    [JsonPropertyName("CorrelationId")]
    public string? CorrelationId { get; set; }

    /// <summary>Gets or sets the metadata properties this version does not know; they are kept unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
