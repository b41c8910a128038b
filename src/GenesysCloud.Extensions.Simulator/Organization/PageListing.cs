using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using GenesysCloud.Extensions.Simulator.Http;

namespace GenesysCloud.Extensions.Simulator.Organization;

/// <summary>
/// Genesys's page-number listing: <c>entities</c>, <c>pageSize</c>, <c>pageNumber</c>, <c>total</c>, <c>pageCount</c> and the
/// <c>firstUri</c>/<c>selfUri</c>/<c>nextUri</c>/<c>previousUri</c>/<c>lastUri</c> links (<c>nextUri</c> absent on the last page).
/// </summary>
internal static class PageListing
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 500;

    /// <summary>Reads <c>pageNumber</c> and <c>pageSize</c>; returns a Genesys 400 when they are not positive integers in range.</summary>
    public static SimulatorResult? TryReadPaging(SimulatorRequest request, out int pageNumber, out int pageSize)
    {
        pageNumber = 1;
        pageSize = DefaultPageSize;
        if (!TryReadPositive(request, "pageSize", ref pageSize, out var error) || !TryReadPositive(request, "pageNumber", ref pageNumber, out error))
        {
            return error;
        }

        return pageSize > MaxPageSize
            ? GenesysErrors.BadRequest($"Value [{pageSize}] for field [pageSize] is greater than the maximum of [{MaxPageSize}].", request.CorrelationId)
            : null;
    }

    /// <param name="path">The resource path, e.g. <c>/api/v2/routing/queues</c>.</param>
    /// <param name="items">Every matching item, in order.</param>
    /// <param name="pageNumber">The 1-based page.</param>
    /// <param name="pageSize">The page size.</param>
    /// <param name="filters">Other query parameters to carry in the links.</param>
    /// <param name="includeTotals">Whether the listing has <c>total</c>, <c>pageCount</c> and <c>lastUri</c> (some Genesys listings do not).</param>
    public static JsonObject Create(string path, IReadOnlyList<JsonObject> items, int pageNumber, int pageSize, IReadOnlyList<KeyValuePair<string, string>> filters, bool includeTotals = true)
    {
        var pageCount = (items.Count + pageSize - 1) / pageSize;
        var entities = new JsonArray();
        foreach (var item in items.Skip((int)Math.Min(int.MaxValue, (long)(pageNumber - 1) * pageSize)).Take(pageSize))
        {
            entities.Add(item);
        }

        var listing = new JsonObject
        {
            ["entities"] = entities,
            ["pageSize"] = pageSize,
            ["pageNumber"] = pageNumber,
        };
        if (includeTotals)
        {
            listing["total"] = items.Count;
            listing["pageCount"] = pageCount;
        }

        listing["firstUri"] = Link(path, pageSize, 1, filters);
        listing["selfUri"] = Link(path, pageSize, pageNumber, filters);
        if (pageNumber < pageCount)
        {
            listing["nextUri"] = Link(path, pageSize, pageNumber + 1, filters);
        }

        if (pageNumber > 1)
        {
            listing["previousUri"] = Link(path, pageSize, Math.Min(pageNumber - 1, Math.Max(1, pageCount)), filters);
        }

        if (includeTotals)
        {
            listing["lastUri"] = Link(path, pageSize, Math.Max(1, pageCount), filters);
        }

        return listing;
    }

    public static string Link(string path, int pageSize, int pageNumber, IReadOnlyList<KeyValuePair<string, string>> filters)
    {
        var builder = new StringBuilder(path)
            .Append(CultureInfo.InvariantCulture, $"?pageSize={pageSize}&pageNumber={pageNumber}");
        foreach (var (name, value) in filters)
        {
            builder.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }

    private static bool TryReadPositive(SimulatorRequest request, string name, ref int value, out SimulatorResult? error)
    {
        error = null;
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
        {
            error = GenesysErrors.BadRequest($"Value [{text}] is not valid for field [{name}]. It must be a positive integer.", request.CorrelationId);
            return false;
        }

        value = parsed;
        return true;
    }
}
