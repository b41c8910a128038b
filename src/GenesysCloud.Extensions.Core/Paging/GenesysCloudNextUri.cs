using GenesysCloud.Extensions.Options;

namespace GenesysCloud.Extensions.Paging;

/// <summary>
/// Reads the continuation (page number, cursor) out of a listing's <c>nextUri</c>, after checking that the URI
/// stays on a Genesys Cloud API host and on the operation's own path.
/// </summary>
/// <remarks>
/// The helpers never send a request to the <c>nextUri</c> itself: they call the typed method again through the
/// client, whose base address is the configured one. The checks still refuse a URI that points elsewhere, because
/// such a response means the listing is not what the operation promised. An absolute URI may name the API host of a
/// region (<see cref="GenesysCloudRegions"/>, the one table of hosts) or the host the page was requested from (an
/// <c>ApiBaseAddress</c> override: a private deployment, the simulator).
/// </remarks>
internal static class GenesysCloudNextUri
{
    /// <summary>Gets the value of query parameter <paramref name="name"/> in <paramref name="nextUri"/>.</summary>
    /// <param name="nextUri">The listing's <c>nextUri</c>; <see langword="null"/> or empty means "no next page".</param>
    /// <param name="name">The query parameter, for example <c>cursor</c>.</param>
    /// <param name="pathTemplate">The operation's path template; the URI's path must match it.</param>
    /// <param name="requestUri">The URI the page was requested from (<see cref="Requests.GenesysCloudResponse.RequestUri"/>), when known.</param>
    /// <returns>The value, or <see langword="null"/> when there is no next page or no such parameter.</returns>
    /// <exception cref="GenesysCloudPagingException">The URI points to another host or path.</exception>
    public static string? GetQueryValue(string? nextUri, string name, string pathTemplate, Uri? requestUri = null)
    {
        if (string.IsNullOrEmpty(nextUri))
        {
            return null;
        }

        var (path, query) = Split(nextUri, pathTemplate, requestUri);
        if (!PathMatches(path, pathTemplate))
        {
            throw new GenesysCloudPagingException(
                $"The nextUri path '{path}' does not match the operation's path '{pathTemplate}'; it was not followed.", nextUri);
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            if (string.Equals(key, name, StringComparison.Ordinal))
            {
                return equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            }
        }

        return null;
    }

    private static (string Path, string Query) Split(string nextUri, string pathTemplate, Uri? requestUri)
    {
        string pathAndQuery;
        if (nextUri.StartsWith('/') && !nextUri.StartsWith("//", StringComparison.Ordinal))
        {
            pathAndQuery = nextUri;
        }
        else if (Uri.TryCreate(nextUri, UriKind.Absolute, out var absolute)
            && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp)
            && IsApiHost(absolute, requestUri))
        {
            pathAndQuery = absolute.PathAndQuery;
        }
        else
        {
            throw new GenesysCloudPagingException(
                $"The nextUri of '{pathTemplate}' points outside the Genesys Cloud API; it was not followed.", nextUri);
        }

        var fragment = pathAndQuery.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
        {
            pathAndQuery = pathAndQuery[..fragment];
        }

        var question = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? (pathAndQuery, string.Empty) : (pathAndQuery[..question], pathAndQuery[(question + 1)..]);
    }

    private static bool IsApiHost(Uri absolute, Uri? requestUri) =>
        GenesysCloudRegions.IsApiHost(absolute.Host)
        || (requestUri is { IsAbsoluteUri: true }
            && string.Equals(absolute.Host, requestUri.Host, StringComparison.OrdinalIgnoreCase)
            && absolute.Port == requestUri.Port);

    private static bool PathMatches(string path, string pathTemplate)
    {
        var actual = path.TrimEnd('/').Split('/');
        var expected = pathTemplate.Split('/');
        if (actual.Length != expected.Length)
        {
            return false;
        }

        for (var i = 0; i < expected.Length; i++)
        {
            var placeholder = expected[i].Length > 1 && expected[i][0] == '{';
            if (placeholder ? actual[i].Length == 0 : !string.Equals(Uri.UnescapeDataString(actual[i]), expected[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
