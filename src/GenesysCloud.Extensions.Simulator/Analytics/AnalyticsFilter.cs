using System.Text.Json.Nodes;

namespace GenesysCloud.Extensions.Simulator.Analytics;

/// <summary>
/// Evaluates Genesys analytics filters (<c>{"type":"and|or","predicates":[{"dimension","operator","value"}],"clauses":[…]}</c>)
/// against the dimension values of one result. Operators: <c>matches</c> (the default), <c>exists</c>, <c>notExists</c>.
/// A dimension the simulator does not model has no values, so <c>matches</c> on it excludes the result.
/// </summary>
internal static class AnalyticsFilter
{
    /// <summary>Whether every filter in <paramref name="filters"/> (a JSON array, or absent) accepts the result.</summary>
    public static bool Accepts(JsonNode? filters, ILookup<string, string> dimensions) =>
        filters is not JsonArray array || array.OfType<JsonObject>().All(filter => Evaluate(filter, dimensions));

    private static bool Evaluate(JsonObject filter, ILookup<string, string> dimensions)
    {
        var results = new List<bool>();
        if (filter["predicates"] is JsonArray predicates)
        {
            results.AddRange(predicates.OfType<JsonObject>().Select(p => Matches(p, dimensions)));
        }

        if (filter["clauses"] is JsonArray clauses)
        {
            results.AddRange(clauses.OfType<JsonObject>().Select(c => Evaluate(c, dimensions)));
        }

        return results.Count == 0 || (string.Equals((string?)filter["type"], "or", StringComparison.OrdinalIgnoreCase) ? results.Contains(true) : !results.Contains(false));
    }

    private static bool Matches(JsonObject predicate, ILookup<string, string> dimensions)
    {
        var values = dimensions[(string?)predicate["dimension"] ?? string.Empty];
        return ((string?)predicate["operator"])?.ToUpperInvariant() switch
        {
            "EXISTS" => values.Any(),
            "NOTEXISTS" => !values.Any(),
            _ => values.Contains((string?)predicate["value"] ?? string.Empty, StringComparer.OrdinalIgnoreCase),
        };
    }
}
