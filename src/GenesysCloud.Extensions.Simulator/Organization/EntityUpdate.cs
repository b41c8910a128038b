using System.Text.Json.Nodes;

namespace GenesysCloud.Extensions.Simulator.Organization;

/// <summary>The outcome of a write to the organization: the entity, or why it was refused.</summary>
internal sealed record EntityUpdate(JsonObject? Entity, int Status, string? Message)
{
    public static EntityUpdate NotFound { get; } = new(null, 404, null);

    public static EntityUpdate Updated(JsonObject entity) => new(entity, 200, null);

    public static EntityUpdate Invalid(string message) => new(null, 400, message);

    public static EntityUpdate Conflict(string message) => new(null, 409, message);
}
