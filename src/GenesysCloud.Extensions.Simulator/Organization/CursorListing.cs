using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using GenesysCloud.Extensions.Simulator.Http;

namespace GenesysCloud.Extensions.Simulator.Organization;

/// <summary>
/// Genesys's cursor listing (<c>UserCursorEntityListing</c> and kin): <c>entities</c>, <c>cursor</c> and <c>nextUri</c> while
/// more remain, and <c>selfUri</c>. The cursor is opaque to clients; here it encodes the next offset.
/// </summary>
internal static class CursorListing
{
    public static SimulatorResult? TryReadCursor(SimulatorRequest request, out int offset)
    {
        offset = 0;
        var cursor = request.Query["cursor"].ToString();
        if (cursor.Length == 0)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor.Replace('-', '+').Replace('_', '/').PadRight((cursor.Length + 3) / 4 * 4, '=')));
            if (text.StartsWith("offset:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out offset))
            {
                return null;
            }
        }
        catch (FormatException)
        {
            // Falls through to the 400 below.
        }

        return GenesysErrors.BadRequest($"The cursor [{cursor}] is not valid.", request.CorrelationId);
    }

    public static JsonObject Create(string path, IReadOnlyList<JsonObject> items, int offset, int pageSize, string? currentCursor)
    {
        var entities = new JsonArray();
        foreach (var item in items.Skip(offset).Take(pageSize))
        {
            entities.Add(item);
        }

        var self = new StringBuilder(path).Append(CultureInfo.InvariantCulture, $"?pageSize={pageSize}");
        if (!string.IsNullOrEmpty(currentCursor))
        {
            self.Append("&cursor=").Append(Uri.EscapeDataString(currentCursor));
        }

        var listing = new JsonObject { ["entities"] = entities };
        var next = offset + pageSize;
        if (next < items.Count)
        {
            var cursor = Encode(next);
            listing["nextUri"] = $"{path}?cursor={cursor}&pageSize={pageSize.ToString(CultureInfo.InvariantCulture)}";
            listing["cursor"] = cursor;
        }

        listing["selfUri"] = self.ToString();
        return listing;
    }

    public static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"offset:{offset}"))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
