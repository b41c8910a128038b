using GenesysCloud.Extensions.Errors;

namespace GenesysCloud.Extensions.Paging;

/// <summary>
/// A paged listing returned a <c>nextUri</c> the paging helpers refuse to follow: another host, or another path
/// than the operation's own.
/// </summary>
public sealed class GenesysCloudPagingException : GenesysCloudException
{
    /// <summary>The error code of a refused <c>nextUri</c>.</summary>
    public const string NextUriInvalid = "GC_PLATFORM_API_CLIENT_PAGING_NEXT_URI_INVALID";

    /// <summary>Initializes a new instance of the <see cref="GenesysCloudPagingException"/> class.</summary>
    /// <param name="message">A message for people.</param>
    /// <param name="nextUri">The refused URI.</param>
    public GenesysCloudPagingException(string message, string? nextUri)
        : base(NextUriInvalid, message)
    {
        NextUri = nextUri;
    }

    /// <summary>Gets the refused <c>nextUri</c>.</summary>
    public string? NextUri { get; }
}
