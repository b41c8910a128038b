namespace GenesysCloud.Extensions.Paging;

/// <summary>
/// A lazily fetched, paged Genesys Cloud listing: enumerate it with <c>await foreach</c> for the items, or call
/// <see cref="AsPages"/> for the pages. A page is requested only when the enumeration reaches it, and each
/// request goes through the client's pipeline (pacing, OAuth, retries, telemetry).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>
/// Every enumeration starts again from the first page (or from the continuation token given to <see cref="AsPages"/>).
/// </remarks>
public abstract class GenesysCloudAsyncPageable<T> : IAsyncEnumerable<T>
{
    /// <summary>Enumerates the pages lazily.</summary>
    /// <param name="continuationToken">The <see cref="GenesysCloudPage{T}.ContinuationToken"/> to resume from, or <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the enumeration and the page request in flight.</param>
    /// <returns>The pages, in order.</returns>
    public abstract IAsyncEnumerable<GenesysCloudPage<T>> AsPages(string? continuationToken = null, CancellationToken cancellationToken = default);

    /// <inheritdoc/>
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages(null, cancellationToken).ConfigureAwait(false))
        {
            foreach (var value in page.Values)
            {
                yield return value;
            }
        }
    }

    /// <summary>Collects every item of every page into a list.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>All items.</returns>
    public async Task<IReadOnlyList<T>> ToListAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<T>();
        await foreach (var value in this.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            list.Add(value);
        }

        return list;
    }
}
