using System.Globalization;
using System.Text.Json;
using GenesysCloud.Extensions.Simulator.Http;
using Microsoft.Extensions.Primitives;

namespace GenesysCloud.Extensions.Simulator.Catalog;

/// <summary>Checks a request against its catalog operation; the first problem becomes a Genesys 400.</summary>
internal static class CatalogRequestValidator
{
    public static SimulatorResult? Validate(CatalogOperation operation, SimulatorRequest request)
    {
        foreach (var parameter in operation.Parameters)
        {
            var problem = parameter.In switch
            {
                "path" => request.RouteValues.TryGetValue(parameter.Name, out var value) ? CheckValue(parameter, value) : $"The path parameter [{parameter.Name}] is required.",
                "query" => CheckValues(parameter, request.Query[parameter.Name], "query parameter"),
                "header" => CheckValues(parameter, request.HttpContext.Request.Headers[parameter.Name], "header"),
                "body" => CheckBody(parameter, request.Body),
                _ => null,
            };

            if (problem is not null)
            {
                return GenesysErrors.BadRequest(problem, request.CorrelationId);
            }
        }

        return null;
    }

    private static string? CheckValues(CatalogParameter parameter, StringValues values, string kind)
    {
        if (values.Count == 0 || (values.Count == 1 && string.IsNullOrEmpty(values[0])))
        {
            return parameter.Required ? $"The {kind} [{parameter.Name}] is required." : null;
        }

        if (parameter.Type == "array")
        {
            // Arrays arrive repeated (collectionFormat multi) or comma-separated (csv); accept both.
            var item = parameter.Items ?? parameter with { Type = "string", Enum = null };
            foreach (var value in values.SelectMany(static v => (v ?? string.Empty).Split(',')))
            {
                if (CheckValue(item with { Name = parameter.Name }, value) is { } problem)
                {
                    return problem;
                }
            }

            return null;
        }

        return values.Count > 1
            ? $"The {kind} [{parameter.Name}] must be given once."
            : CheckValue(parameter, values[0]!);
    }

    private static string? CheckValue(CatalogParameter parameter, string value)
    {
        var valid = parameter.Type switch
        {
            "integer" => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            "number" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            "boolean" => bool.TryParse(value, out _),
            _ => true,
        };

        if (!valid)
        {
            return $"Value [{value}] is not valid for field type [{parameter.Type}] of [{parameter.Name}].";
        }

        if (parameter.Enum is { Count: > 0 } allowed && !allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            return $"Value [{value}] is not valid for [{parameter.Name}]. Allowed values: {string.Join(", ", allowed)}.";
        }

        return null;
    }

    private static string? CheckBody(CatalogParameter parameter, string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return parameter.Required ? "The request body is required." : null;
        }

        // A string body is read as sent (the server takes the text itself, not a JSON string literal).
        if (parameter.Type == "string")
        {
            return null;
        }

        try
        {
            using var _ = JsonDocument.Parse(body);
            return null;
        }
        catch (JsonException)
        {
            return "The request body is not valid JSON.";
        }
    }
}
