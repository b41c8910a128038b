using System.Globalization;

namespace GenesysCloud.Extensions.Simulator.Analytics;

/// <summary>An ISO-8601 interval as analytics queries carry it: <c>2024-05-01T00:00:00Z/2024-05-02T00:00:00Z</c> (or a start and a duration, <c>…/P1D</c>).</summary>
internal readonly record struct AnalyticsInterval(DateTimeOffset Start, DateTimeOffset End)
{
    public static bool TryParse(string? text, out AnalyticsInterval interval)
    {
        interval = default;
        var parts = text?.Split('/') ?? [];
        if (parts.Length != 2 || !TryParseInstant(parts[0], out var start))
        {
            return false;
        }

        DateTimeOffset end;
        if (parts[1].StartsWith('P'))
        {
            try
            {
                end = start + System.Xml.XmlConvert.ToTimeSpan(parts[1]);
            }
            catch (FormatException)
            {
                return false;
            }
        }
        else if (!TryParseInstant(parts[1], out end))
        {
            return false;
        }

        interval = new AnalyticsInterval(start, end);
        return end > start;
    }

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    private static bool TryParseInstant(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
