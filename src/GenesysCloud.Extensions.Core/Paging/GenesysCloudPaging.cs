using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using GenesysCloud.Extensions.Requests;

namespace GenesysCloud.Extensions.Paging;

/// <summary>
/// Builds the <see cref="GenesysCloudAsyncPageable{T}"/> returned by the generated paging helpers
/// (<c>{Category}ApiPagingExtensions</c>). Two styles cover the Genesys listings: page numbers
/// (<c>pageNumber</c>/<c>pageCount</c>, or <c>nextUri</c>) and cursors (<c>cursor</c> or <c>after</c>,
/// from a response property or from <c>nextUri</c>).
/// </summary>
/// <remarks>
/// Public so that the generated package can call it without access to Core's internals; it is plumbing for generated
/// code, hidden from IntelliSense. Applications use the <c>...PageableAsync</c> helpers instead.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GenesysCloudPaging
{
    /// <summary>Pages by <c>pageNumber</c>, starting at 1.</summary>
    /// <typeparam name="TListing">The operation's response model.</typeparam>
    /// <typeparam name="TItem">The item type of <c>entities</c>.</typeparam>
    /// <param name="pathTemplate">The operation's path template, to check <c>nextUri</c> against.</param>
    /// <param name="fetchPage">Calls the typed method for a page number.</param>
    /// <param name="getItems">Reads <c>entities</c>.</param>
    /// <param name="getPageCount">Reads <c>pageCount</c>, when the listing has it.</param>
    /// <param name="getNextUri">Reads <c>nextUri</c>, when the listing has it.</param>
    /// <returns>The pageable.</returns>
    public static GenesysCloudAsyncPageable<TItem> ByPageNumber<TListing, TItem>(
        string pathTemplate,
        Func<int, CancellationToken, Task<TListing>> fetchPage,
        Func<TListing, IReadOnlyList<TItem>?> getItems,
        Func<TListing, long?>? getPageCount,
        Func<TListing, string?>? getNextUri)
        where TListing : class =>
        new DelegatePageable<TListing, TItem>(
            (token, cancellationToken) => fetchPage(token is null ? 1 : int.Parse(token, NumberStyles.None, CultureInfo.InvariantCulture), cancellationToken),
            getItems,
            (listing, requestUri, token, count) =>
            {
                var current = token is null ? 1 : int.Parse(token, NumberStyles.None, CultureInfo.InvariantCulture);
                if (count == 0)
                {
                    return null;
                }

                if (getPageCount?.Invoke(listing) is long pageCount)
                {
                    return current < pageCount ? Format(current + 1) : null;
                }

                if (getNextUri is not null)
                {
                    var nextUri = getNextUri(listing);
                    if (string.IsNullOrEmpty(nextUri))
                    {
                        return null;
                    }

                    var next = GenesysCloudNextUri.GetQueryValue(nextUri, "pageNumber", pathTemplate, requestUri);
                    return int.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > current
                        ? Format(number)
                        : Format(current + 1);
                }

                // Neither pageCount nor nextUri: continue until an empty page.
                return Format(current + 1);
            });

    /// <summary>Pages by a cursor query parameter (<c>cursor</c> or <c>after</c>), starting without one.</summary>
    /// <typeparam name="TListing">The operation's response model.</typeparam>
    /// <typeparam name="TItem">The item type of <c>entities</c>.</typeparam>
    /// <param name="pathTemplate">The operation's path template, to check <c>nextUri</c> against.</param>
    /// <param name="cursorParameter">The query parameter that carries the cursor.</param>
    /// <param name="fetchPage">Calls the typed method for a cursor (<see langword="null"/> for the first page).</param>
    /// <param name="getItems">Reads <c>entities</c>.</param>
    /// <param name="getCursor">Reads the next cursor from a response property, when the listing has one.</param>
    /// <param name="getNextUri">Reads <c>nextUri</c>, used when <paramref name="getCursor"/> is <see langword="null"/>.</param>
    /// <returns>The pageable.</returns>
    public static GenesysCloudAsyncPageable<TItem> ByCursor<TListing, TItem>(
        string pathTemplate,
        string cursorParameter,
        Func<string?, CancellationToken, Task<TListing>> fetchPage,
        Func<TListing, IReadOnlyList<TItem>?> getItems,
        Func<TListing, string?>? getCursor,
        Func<TListing, string?>? getNextUri)
        where TListing : class =>
        new DelegatePageable<TListing, TItem>(
            fetchPage,
            getItems,
            (listing, requestUri, token, count) =>
            {
                var next = getCursor is not null
                    ? getCursor(listing)
                    : GenesysCloudNextUri.GetQueryValue(getNextUri?.Invoke(listing), cursorParameter, pathTemplate, requestUri);

                // A missing or repeated cursor ends the listing (a repeated one would loop for ever).
                return string.IsNullOrEmpty(next) || string.Equals(next, token, StringComparison.Ordinal) ? null : next;
            });

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class DelegatePageable<TListing, TItem>(
        Func<string?, CancellationToken, Task<TListing>> fetchPage,
        Func<TListing, IReadOnlyList<TItem>?> getItems,
        Func<TListing, Uri?, string?, int, string?> getNextToken) : GenesysCloudAsyncPageable<TItem>
        where TListing : class
    {
        public override async IAsyncEnumerable<GenesysCloudPage<TItem>> AsPages(
            string? continuationToken = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var token = continuationToken;
            while (true)
            {
                var (listing, requestUri) = await FetchAsync(token, cancellationToken).ConfigureAwait(false);
                if (listing is null)
                {
                    yield break;
                }

                var items = getItems(listing) ?? [];
                var next = getNextToken(listing, requestUri, token, items.Count);
                yield return new GenesysCloudPage<TItem>(items, next, listing);
                if (next is null)
                {
                    yield break;
                }

                token = next;
            }
        }

        // The typed method returns only the model; a scope of its own tells where the page came from (the configured
        // API host), and hands the response on to any scope of the caller's.
        private async Task<(TListing? Listing, Uri? RequestUri)> FetchAsync(string? token, CancellationToken cancellationToken)
        {
            using var scope = GenesysCloudResponseScope.BeginTransparent();
            var listing = await fetchPage(token, cancellationToken).ConfigureAwait(false);
            return (listing, scope.LastResponse?.RequestUri);
        }
    }
}
