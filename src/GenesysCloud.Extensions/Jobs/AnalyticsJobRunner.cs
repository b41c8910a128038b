using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Models;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace GenesysCloud.Extensions.Jobs;

/// <summary>
/// Submits an analytics details job, waits for it with a Polly retry strategy whose "failure" is a status that has not
/// ended yet (exponential backoff on the host's <see cref="TimeProvider"/>, no jitter, capped at
/// <see cref="GenesysCloudJobOptions.MaxPollDelay"/>), and deletes the job when the wait is given up.
/// </summary>
internal sealed class AnalyticsJobRunner : IAnalyticsJobRunner
{
    /// <summary>How long a deletion after a cancelled or failed wait may take before the wait ends without it.</summary>
    internal static readonly TimeSpan DeleteTimeout = TimeSpan.FromSeconds(10);

    private readonly IAnalyticsApi _api;
    private readonly TimeProvider _time;
    private readonly int? _pageSize;
    private readonly ResiliencePipeline<AsyncQueryStatus> _polling;

    public AnalyticsJobRunner(IAnalyticsApi api, TimeProvider time, IOptions<GenesysCloudJobOptions> options)
    {
        _api = api;
        _time = time;
        var settings = options.Value;
        _pageSize = settings.ResultsPageSize;

        // Errors of a status call are not handled here: the client's pipeline has already retried what can be retried.
        _polling = new ResiliencePipelineBuilder<AsyncQueryStatus> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<AsyncQueryStatus>
            {
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is null && !StateOf(args.Outcome.Result).IsTerminal),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = settings.PollDelay,
                MaxDelay = settings.MaxPollDelay,
                MaxRetryAttempts = int.MaxValue,
            })
            .Build();
    }

    public Task<GenesysCloudJob<AnalyticsConversation>> RunConversationDetailsJobAsync(
        AsyncConversationQuery query,
        IProgress<GenesysCloudJobProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        RequireInterval(query.Interval, nameof(query));
        return RunAsync(
            AnalyticsJobKinds.ConversationDetails,
            static (api, query, cancellationToken) => api.PostAnalyticsConversationsDetailsJobsAsync(query, cancellationToken),
            query,
            progress,
            cancellationToken);
    }

    public Task<GenesysCloudJob<AnalyticsUserDetail>> RunUserDetailsJobAsync(
        AsyncUserDetailsQuery query,
        IProgress<GenesysCloudJobProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        RequireInterval(query.Interval, nameof(query));
        return RunAsync(
            AnalyticsJobKinds.UserDetails,
            static (api, query, cancellationToken) => api.PostAnalyticsUsersDetailsJobsAsync(query, cancellationToken),
            query,
            progress,
            cancellationToken);
    }

    internal static GenesysCloudJobState StateOf(AsyncQueryStatus? status) =>
        status?.State?.Value is { Length: > 0 } value ? new GenesysCloudJobState(value) : GenesysCloudJobState.Queued;

    internal static GenesysCloudJobException Ended(string kind, string jobId, GenesysCloudJobState state, string? errorMessage, Exception? innerException = null)
    {
        var (code, what) = state == GenesysCloudJobState.Failed ? (GenesysCloudErrorCodes.JobFailed, "failed")
            : state == GenesysCloudJobState.Cancelled ? (GenesysCloudErrorCodes.JobCancelled, "was cancelled")
            : (GenesysCloudErrorCodes.JobExpired, "expired; its results are no longer available");
        var message = $"The analytics {kind} job {jobId} {what}" + (errorMessage is { Length: > 0 } reason ? $": {reason}" : ".");
        return new GenesysCloudJobException(code, message, jobId, state, errorMessage, innerException);
    }

    private static void RequireInterval(string? interval, string paramName)
    {
        if (string.IsNullOrWhiteSpace(interval))
        {
            throw new GenesysCloudArgumentException(
                GenesysCloudErrorCodes.ApiCallRequestBodyInvalid,
                "The query's Interval is required: an ISO-8601 interval such as 2024-05-01T00:00:00Z/2024-05-02T00:00:00Z.",
                paramName);
        }
    }

    private async Task<GenesysCloudJob<TItem>> RunAsync<TQuery, TItem>(
        AnalyticsJobKind<TItem> kind,
        Func<IAnalyticsApi, TQuery, CancellationToken, Task<AsyncQueryResponse>> submit,
        TQuery query,
        IProgress<GenesysCloudJobProgress>? progress,
        CancellationToken cancellationToken)
    {
        var startedAt = _time.GetTimestamp();

        // Cancelled while the submission is in flight, the job may exist without the id ever reaching us: nothing to delete.
        var submitted = await submit(_api, query, cancellationToken).ConfigureAwait(false);
        if (submitted.JobId is not { Length: > 0 } jobId)
        {
            throw new GenesysCloudException(
                GenesysCloudErrorCodes.UnexpectedResponse, $"The analytics {kind.Name} job submission answered without a jobId.");
        }

        var tracker = new JobProgressTracker(jobId, _time, startedAt, progress);
        AsyncQueryStatus status;
        try
        {
            status = await _polling.ExecuteAsync(
                static async (state, token) =>
                {
                    var status = await state.Kind.GetStatus(state.Api, state.Tracker.JobId, token).ConfigureAwait(false);
                    state.Tracker.StatusChecked(StateOf(status));
                    return status;
                },
                (Kind: kind, Api: _api, Tracker: tracker),
                cancellationToken).ConfigureAwait(false);

            // Polly hands back the last status, not an exception, when the caller cancels between two checks.
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (Exception ex)
        {
            // The helper gives the job up (the caller cancelled, or a status check failed for good): cancel it on the server.
            var deletion = await TryDeleteAsync(kind, jobId).ConfigureAwait(false);
            if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(
                    deletion is null
                        ? $"The wait for analytics {kind.Name} job {jobId} was cancelled; the job was deleted."
                        : $"The wait for analytics {kind.Name} job {jobId} was cancelled; deleting the job failed: {deletion.Message}",
                    deletion,
                    cancellationToken);
            }

            throw;
        }

        var ended = StateOf(status);
        if (ended != GenesysCloudJobState.Fulfilled)
        {
            throw Ended(kind.Name, jobId, ended, status.ErrorMessage);
        }

        return new GenesysCloudJob<TItem>(_api, kind, status, _pageSize, tracker);
    }

    private async Task<Exception?> TryDeleteAsync<TItem>(AnalyticsJobKind<TItem> kind, string jobId)
    {
        using var timeout = new CancellationTokenSource(DeleteTimeout, _time);
        try
        {
            await kind.Delete(_api, jobId, timeout.Token).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is GenesysCloudException or OperationCanceledException)
        {
            return ex;
        }
    }
}
