using System.Text.Json;

namespace GenesysCloud.Extensions.Serialization;

/// <summary>
/// Reads the ISO 8601 date-times Genesys sends: the extended forms System.Text.Json reads, plus an offset without a colon
/// (<c>+0000</c>) or with hours only (<c>+05</c>); no offset, or a date alone, is UTC (never the machine's time zone).
/// </summary>
internal static class Iso8601DateTime
{
    // Normalizes the offset to the extended form (+hh:mm, or Z when there is none) and lets System.Text.Json's strict
    // ISO 8601 parser read the result, so exactly the same texts are accepted apart from the offset's spelling.
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        const int MaxLength = 64;
        if (text.Length is 0 or > MaxLength || text.IndexOfAny((byte)'"', (byte)'\\') >= 0)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[MaxLength + 16];
        var length = 0;
        buffer[length++] = (byte)'"';
        var time = text.IndexOf((byte)'T');
        if (time < 0)
        {
            // A date alone: midnight UTC.
            text.CopyTo(buffer[length..]);
            length += text.Length;
            "T00:00:00Z"u8.CopyTo(buffer[length..]);
            length += 10;
        }
        else
        {
            var clock = text[(time + 1)..];
            var sign = clock.IndexOfAny((byte)'+', (byte)'-');
            if (clock.EndsWith("Z"u8) || clock.EndsWith("z"u8))
            {
                text.CopyTo(buffer[length..]);
                length += text.Length;
            }
            else if (sign < 0)
            {
                text.CopyTo(buffer[length..]);
                length += text.Length;
                buffer[length++] = (byte)'Z';
            }
            else
            {
                var head = text[..(time + 1 + sign + 1)];
                var offset = clock[(sign + 1)..];
                head.CopyTo(buffer[length..]);
                length += head.Length;
                if (offset.Length == 4 && IsDigits(offset))
                {
                    offset[..2].CopyTo(buffer[length..]);
                    length += 2;
                    buffer[length++] = (byte)':';
                    offset[2..].CopyTo(buffer[length..]);
                    length += 2;
                }
                else if (offset.Length == 2 && IsDigits(offset))
                {
                    offset.CopyTo(buffer[length..]);
                    length += 2;
                    ":00"u8.CopyTo(buffer[length..]);
                    length += 3;
                }
                else
                {
                    offset.CopyTo(buffer[length..]);
                    length += offset.Length;
                }
            }
        }

        buffer[length++] = (byte)'"';
        var normalized = new Utf8JsonReader(buffer[..length]);
        return normalized.Read() && normalized.TryGetDateTimeOffset(out value);
    }

    private static bool IsDigits(ReadOnlySpan<byte> text) => text.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
}
