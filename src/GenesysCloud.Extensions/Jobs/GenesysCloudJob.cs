using System.Net;
using System.Runtime.CompilerServices;
using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Models;
using GenesysCloud.Extensions.Paging;

namespace GenesysCloud.Extensions.Jobs;

/// <summary>
/// A fulfilled asynchronous analytics job. Enumerate it (<c>await foreach</c>) for its results: each page is requested by
/// cursor only when the enumeration reaches it, through the typed API (paced, retried, observed), and reported to the
/// progress given to the runner. <see cref="GenesysCloudAsyncPageable{T}.AsPages"/> gives page-level access and resumes
/// from a cursor.
/// </summary>
/// <typeparam name="T">The result type, for example <see cref="AnalyticsConversation"/>.</typeparam>
/// <remarks>
/// Genesys keeps the results until <see cref="ExpiresAt"/>; reading them after that, or after the job was deleted, ends the
/// enumeration with a <see cref="GenesysCloudJobException"/> (<see cref="GenesysCloudErrorCodes.JobExpired"/> or
/// <see cref="GenesysCloudErrorCodes.JobCancelled"/>). Call <see cref="DeleteAsync"/> once the results are read to free
/// them earlier.
/// </remarks>
public sealed class GenesysCloudJob<T> : GenesysCloudAsyncPageable<T>
{
    private readonly IAnalyticsApi _api;
    private readonly AnalyticsJobKind<T> _kind;
    private readonly int? _pageSize;
    private readonly JobProgressTracker _tracker;

    internal GenesysCloudJob(IAnalyticsApi api, AnalyticsJobKind<T> kind, AsyncQueryStatus status, int? pageSize, JobProgressTracker tracker)
    {
        _api = api;
        _kind = kind;
        _pageSize = pageSize;
        _tracker = tracker;
        Status = status;
    }

    /// <summary>Gets the job's id.</summary>
    public string JobId => _tracker.JobId;

    /// <summary>Gets the status that showed the job fulfilled (submission, completion and expiration dates).</summary>
    public AsyncQueryStatus Status { get; }

    /// <summary>Gets when Genesys Cloud deletes the results, when it said.</summary>
    public DateTimeOffset? ExpiresAt => Status.ExpirationDate;

    /// <summary>Deletes the job and its results (<c>DELETE …/jobs/{jobId}</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Genesys Cloud has deleted the job.</returns>
    public Task DeleteAsync(CancellationToken cancellationToken = default) => _kind.Delete(_api, JobId, cancellationToken);

    /// <inheritdoc/>
    public override async IAsyncEnumerable<GenesysCloudPage<T>> AsPages(
        string? continuationToken = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var pagesRead = 0;
        var itemsRead = 0L;
        var pages = _kind.GetResults(_api, JobId, _pageSize).AsPages(continuationToken, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (pages.ConfigureAwait(false))
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await pages.MoveNextAsync().ConfigureAwait(false);
                }
                catch (GenesysCloudApiException ex) when ((int)ex.StatusCode is >= 400 and < 500 && ex.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    // Genesys answers 4xx for the results of a job that has ended since: say which way it ended.
                    if (await FindEndAsync(ex, cancellationToken).ConfigureAwait(false) is { } ended)
                    {
                        throw ended;
                    }

                    throw;
                }

                if (!more)
                {
                    yield break;
                }

                var page = pages.Current;
                pagesRead++;
                itemsRead += page.Values.Count;
                _tracker.PageRead(pagesRead, itemsRead);
                yield return page;
            }
        }
    }

    private async Task<GenesysCloudJobException?> FindEndAsync(GenesysCloudApiException resultsError, CancellationToken cancellationToken)
    {
        AsyncQueryStatus status;
        try
        {
            status = await _kind.GetStatus(_api, JobId, cancellationToken).ConfigureAwait(false);
        }
        catch (GenesysCloudException)
        {
            return null; // the results error says more than a status that cannot be read
        }

        var state = AnalyticsJobRunner.StateOf(status);
        _tracker.StatusChecked(state);
        return state.IsTerminal && state != GenesysCloudJobState.Fulfilled
            ? AnalyticsJobRunner.Ended(_kind.Name, JobId, state, status.ErrorMessage, resultsError)
            : null;
    }
}
