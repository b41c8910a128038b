using System.Net;

namespace GenesysCloud.Extensions.Options.Validation;

/// <summary>A base address override: absolute http(s), no query, fragment or credentials, and HTTPS unless the host is loopback.</summary>
internal sealed class BaseAddressRuleAttribute(string errorCode) : GenesysCloudOptionRuleAttribute(errorCode)
{
    protected override string? Check(object? value)
    {
        if (value is not Uri address)
        {
            return null;
        }

        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            return $"must be an absolute http(s) URI; the value '{Show(address.OriginalString)}' is not.";
        }

        if (!string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment) || !string.IsNullOrEmpty(address.UserInfo))
        {
            return "must not carry a query, a fragment or credentials.";
        }

        return address.Scheme == Uri.UriSchemeHttp && !IsLoopback(address)
            ? $"must use https unless the host is loopback; '{address.Host}' is not a loopback host."
            : null;
    }

    private static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
