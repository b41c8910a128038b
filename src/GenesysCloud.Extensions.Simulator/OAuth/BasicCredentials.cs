using System.Net.Http.Headers;
using System.Text;

namespace GenesysCloud.Extensions.Simulator.OAuth;

/// <summary>Reads <c>Authorization: Basic base64(clientId:clientSecret)</c>.</summary>
internal static class BasicCredentials
{
    public static bool TryParse(string? header, out string clientId, out string clientSecret)
    {
        clientId = string.Empty;
        clientSecret = string.Empty;
        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(value.Parameter))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        clientId = decoded[..colon];
        clientSecret = decoded[(colon + 1)..];
        return true;
    }
}
