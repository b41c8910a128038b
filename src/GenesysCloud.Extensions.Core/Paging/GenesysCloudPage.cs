namespace GenesysCloud.Extensions.Paging;

/// <summary>One page of a paged Genesys Cloud listing, as returned by <see cref="GenesysCloudAsyncPageable{T}.AsPages"/>.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class GenesysCloudPage<T>
{
    /// <summary>Initializes a new instance of the <see cref="GenesysCloudPage{T}"/> class.</summary>
    /// <param name="values">The items of this page.</param>
    /// <param name="continuationToken">The token of the next page (a page number or a cursor), or <see langword="null"/> on the last page.</param>
    /// <param name="listing">The deserialized listing this page came from (for example a <c>QueueEntityListing</c>).</param>
    public GenesysCloudPage(IReadOnlyList<T> values, string? continuationToken, object listing)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(listing);
        Values = values;
        ContinuationToken = continuationToken;
        Listing = listing;
    }

    /// <summary>Gets the items of this page.</summary>
    public IReadOnlyList<T> Values { get; }

    /// <summary>
    /// Gets the token of the next page: a page number or a cursor, as text. Pass it to
    /// <see cref="GenesysCloudAsyncPageable{T}.AsPages"/> to resume there; <see langword="null"/> on the last page.
    /// </summary>
    public string? ContinuationToken { get; }

    /// <summary>Gets the whole deserialized listing (totals, URIs), typed as the operation's response model.</summary>
    public object Listing { get; }
}
