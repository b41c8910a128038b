using GenesysCloud.Extensions.Models;

namespace GenesysCloud.Extensions.Jobs;

/// <summary>
/// Runs the asynchronous analytics details jobs of the Genesys Cloud API end to end: submits the query, checks the job's
/// status with exponential backoff until it is fulfilled, and returns the job, whose results stream page by page (by
/// cursor) when enumerated. Registered by <c>AddGenesysCloud</c> as a singleton; thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Every request is an ordinary call of <see cref="Api.IAnalyticsApi"/> (submit, status, results, delete), so it is paced,
/// authenticated, retried and observed like any other. The waits between status checks run on the host's
/// <see cref="TimeProvider"/>: the first check right after the submission, then after <see cref="GenesysCloudJobOptions.PollDelay"/>
/// (1 s), doubling up to <see cref="GenesysCloudJobOptions.MaxPollDelay"/> (30 s).
/// </para>
/// <para>
/// Cancelling the wait deletes the job (<c>DELETE …/jobs/{jobId}</c>, which Genesys treats as a cancellation) before the
/// <see cref="OperationCanceledException"/> reaches the caller; so does any other error that ends the wait. A job that
/// fails, is cancelled by someone else or expires ends the wait with a <see cref="GenesysCloudJobException"/>.
/// </para>
/// </remarks>
public interface IAnalyticsJobRunner
{
    /// <summary>
    /// Runs a conversation details job (<c>POST /api/v2/analytics/conversations/details/jobs</c>) and waits until it is fulfilled.
    /// </summary>
    /// <param name="query">The query; <see cref="AsyncConversationQuery.Interval"/> is required.</param>
    /// <param name="progress">Receives a report after every status check and every page of results; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the wait and deletes the job.</param>
    /// <returns>The fulfilled job: enumerate it for the conversations.</returns>
    /// <exception cref="GenesysCloudJobException">The job failed, was cancelled by someone else, or expired.</exception>
    /// <exception cref="Errors.GenesysCloudArgumentException">The query has no interval.</exception>
    Task<GenesysCloudJob<AnalyticsConversation>> RunConversationDetailsJobAsync(
        AsyncConversationQuery query,
        IProgress<GenesysCloudJobProgress>? progress = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs a user details job (<c>POST /api/v2/analytics/users/details/jobs</c>) and waits until it is fulfilled.
    /// </summary>
    /// <param name="query">The query; <see cref="AsyncUserDetailsQuery.Interval"/> is required.</param>
    /// <param name="progress">Receives a report after every status check and every page of results; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the wait and deletes the job.</param>
    /// <returns>The fulfilled job: enumerate it for the user details.</returns>
    /// <exception cref="GenesysCloudJobException">The job failed, was cancelled by someone else, or expired.</exception>
    /// <exception cref="Errors.GenesysCloudArgumentException">The query has no interval.</exception>
    Task<GenesysCloudJob<AnalyticsUserDetail>> RunUserDetailsJobAsync(
        AsyncUserDetailsQuery query,
        IProgress<GenesysCloudJobProgress>? progress = null,
        CancellationToken cancellationToken = default);
}
