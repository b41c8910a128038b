using System.Globalization;
using System.Text.Json.Nodes;
using GenesysCloud.Extensions.Simulator.Faults;

namespace GenesysCloud.Extensions.Simulator.Control;

/// <summary>
/// Reads a fault from the control API's JSON: <c>method</c>, <c>path</c>, <c>kind</c>, <c>status</c>, <c>statuses</c>,
/// <c>retryAfterSeconds</c>, <c>delayMilliseconds</c>, <c>count</c>, <c>probability</c>, <c>durationSeconds</c>, <c>hugeBodyBytes</c>,
/// <c>organization</c>.
/// </summary>
internal static class FaultDefinitionParser
{
    public static SimulatorFault Parse(JsonObject json)
    {
        var kindText = (string?)json["kind"] ?? "status";
        var kind = kindText.ToUpperInvariant() switch
        {
            "RESET" => SimulatorFaultKind.ResetConnection,
            "MALFORMED" => SimulatorFaultKind.MalformedJson,
            "TRUNCATED" => SimulatorFaultKind.TruncatedJson,
            "HUGE" => SimulatorFaultKind.HugeBody,
            _ when Enum.TryParse<SimulatorFaultKind>(kindText, ignoreCase: true, out var parsed) => parsed,
            _ => throw new FormatException($"Unknown fault kind [{kindText}]."),
        };

        var probability = Read<double>(json, "probability") ?? 1;
        var duration = Read<double>(json, "durationSeconds") is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;

        // Absent count: once, unless the fault is bounded by time or chance, where "every match" is what people mean.
        int? count = json.ContainsKey("count") ? Read<int>(json, "count") : (duration is null && probability >= 1 ? 1 : null);

        var defaults = new SimulatorFault();
        return new SimulatorFault
        {
            Method = (string?)json["method"],
            Path = (string?)json["path"],
            Organization = (string?)json["organization"],
            Kind = kind,
            StatusCode = Read<int>(json, "status"),
            StatusCodes = json["statuses"] is JsonArray statuses ? statuses.Select(static s => s!.GetValue<int>()).ToArray() : null,
            RetryAfter = Read<double>(json, "retryAfterSeconds") is { } retryAfter ? TimeSpan.FromSeconds(retryAfter) : null,
            Delay = Read<double>(json, "delayMilliseconds") is { } delay ? TimeSpan.FromMilliseconds(delay) : defaults.Delay,
            Count = count,
            Probability = probability,
            Duration = duration,
            HugeBodyBytes = Read<int>(json, "hugeBodyBytes") ?? defaults.HugeBodyBytes,
        };
    }

    public static JsonObject Describe(ActiveFault active) => new()
    {
        ["id"] = active.Id,
        ["method"] = active.Fault.Method,
        ["path"] = active.Fault.Path,
        ["organization"] = active.Fault.Organization,
        ["kind"] = active.Fault.Kind.ToString(),
        ["status"] = active.Fault.StatusCode,
        ["remaining"] = active.Remaining,
        ["probability"] = active.Fault.Probability,
        ["expiresAt"] = active.ExpiresAt?.ToString("O", CultureInfo.InvariantCulture),
    };

    private static T? Read<T>(JsonObject json, string name)
        where T : struct =>
        json[name] is JsonValue value ? value.GetValue<T>() : null;
}
