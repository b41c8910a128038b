using System.Globalization;

namespace GenesysCloud.Extensions.Simulator.Organization;

/// <summary>Formats instants the way Genesys does: ISO-8601 UTC with milliseconds.</summary>
internal static class GenesysDates
{
    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
