using System.Text.Json.Serialization;

namespace GenesysCloud.Extensions.Errors;

/// <summary>
/// The error body Genesys Cloud returns with non-2xx responses.
/// </summary>
public sealed class GenesysCloudErrorBody
{
    /// <summary>Gets or sets the human-readable message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>Gets or sets the machine-readable error code (for example <c>not.found</c>, <c>bad.credentials</c>).</summary>
    [JsonPropertyName("code")]
    public string? Code { get; set; }

    /// <summary>Gets or sets the HTTP status repeated in the body.</summary>
    [JsonPropertyName("status")]
    public int? Status { get; set; }

    /// <summary>Gets or sets the parameters of the message template.</summary>
    [JsonPropertyName("messageParams")]
    public IReadOnlyDictionary<string, string>? MessageParams { get; set; }

    /// <summary>Gets or sets the message template with its placeholders.</summary>
    [JsonPropertyName("messageWithParams")]
    public string? MessageWithParams { get; set; }

    /// <summary>Gets or sets the context id Genesys support asks for.</summary>
    [JsonPropertyName("contextId")]
    public string? ContextId { get; set; }
}
