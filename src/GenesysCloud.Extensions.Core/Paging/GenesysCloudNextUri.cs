namespace GenesysCloud.Extensions.Paging;

/// <summary>
/// Reads the continuation (page number, cursor) out of a listing's <c>nextUri</c>, after checking that the URI
/// stays on a Genesys Cloud API host and on the operation's own path.
/// </summary>
/// <remarks>
/// The helpers never send a request to the <c>nextUri</c> itself: they call the typed method again through the
/// client, whose base address is the configured one. The checks still refuse a URI that points elsewhere, because
/// such a response means the listing is not what the operation promised.
/// </remarks>
internal static class GenesysCloudNextUri
{
    // Genesys Cloud API hosts are api.<region domain>: mypurecloud.com/.ie/.de/.jp/.com.au, <region>.pure.cloud,
    // and the US government cloud.
    private static readonly string[] ApiHostSuffixes =
    [
        ".mypurecloud.com", ".mypurecloud.ie", ".mypurecloud.de", ".mypurecloud.jp", ".mypurecloud.com.au",
        ".pure.cloud", ".us-gov-pure.cloud",
    ];

    /// <summary>Gets the value of query parameter <paramref name="name"/> in <paramref name="nextUri"/>.</summary>
    /// <param name="nextUri">The listing's <c>nextUri</c>; <see langword="null"/> or empty means "no next page".</param>
    /// <param name="name">The query parameter, for example <c>cursor</c>.</param>
    /// <param name="pathTemplate">The operation's path template; the URI's path must match it.</param>
    /// <returns>The value, or <see langword="null"/> when there is no next page or no such parameter.</returns>
    /// <exception cref="GenesysCloudPagingException">The URI points to another host or path.</exception>
    public static string? GetQueryValue(string? nextUri, string name, string pathTemplate)
    {
        if (string.IsNullOrEmpty(nextUri))
        {
            return null;
        }

        var (path, query) = Split(nextUri, pathTemplate);
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

    private static (string Path, string Query) Split(string nextUri, string pathTemplate)
    {
        string pathAndQuery;
        if (nextUri.StartsWith('/') && !nextUri.StartsWith("//", StringComparison.Ordinal))
        {
            pathAndQuery = nextUri;
        }
        else if (Uri.TryCreate(nextUri, UriKind.Absolute, out var absolute)
            && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp)
            && IsApiHost(absolute.Host))
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

    private static bool IsApiHost(string host)
    {
        if (!host.StartsWith("api.", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var suffix in ApiHostSuffixes)
        {
            if (host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

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
