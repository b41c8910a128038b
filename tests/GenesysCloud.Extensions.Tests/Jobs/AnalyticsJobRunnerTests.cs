using System.Collections.Concurrent;
using System.Net;
using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Jobs;
using GenesysCloud.Extensions.Models;
using GenesysCloud.Extensions.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace GenesysCloud.Extensions.Tests.Jobs;

/// <summary>The runner's waiting rules against a scripted <see cref="IAnalyticsApi"/> (Moq), on a clock the test moves exactly.</summary>
public sealed class AnalyticsJobRunnerTests
{
    private const string JobId = "7b1c2d3e-0000-4000-8000-000000000001";

    private readonly Mock<IAnalyticsApi> _api = new(MockBehavior.Strict);
    private readonly TimerRecordingTimeProvider _time = new();

    [Fact]
    public async Task Status_is_checked_at_once_then_with_exponential_backoff_capped_at_MaxPollDelay()
    {
        var states = new Queue<string>(["QUEUED", "PENDING", "PENDING", "PENDING", "PENDING", "PENDING", "FULFILLED"]);
        var checks = 0;
        SetupSubmit();
        _api.Setup(a => a.GetAnalyticsConversationsDetailsJobAsync(JobId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                Interlocked.Increment(ref checks);
                return new AsyncQueryStatus { State = states.Dequeue() };
            });
        var runner = CreateRunner(new GenesysCloudJobOptions { PollDelay = TimeSpan.FromSeconds(1), MaxPollDelay = TimeSpan.FromSeconds(8) });

        var run = runner.RunConversationDetailsJobAsync(new AsyncConversationQuery { Interval = "2024-05-01T00:00:00Z/P1D" });

        Assert.Equal(1, Volatile.Read(ref checks)); // right after the submission, before any wait
        TimeSpan[] expected = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(8)];
        for (var i = 0; i < expected.Length; i++)
        {
            await Eventually.TrueAsync(() => _time.Timers.Count == i + 1, $"wait {i + 1} starts");
            Assert.Equal(expected[i], _time.Timers[i]);
            _time.Fake.Advance(expected[i] - TimeSpan.FromMilliseconds(1));
            await YieldAsync();
            Assert.Equal(i + 1, Volatile.Read(ref checks)); // not a millisecond early
            _time.Fake.Advance(TimeSpan.FromMilliseconds(1));
            await Eventually.TrueAsync(() => Volatile.Read(ref checks) == i + 2, $"status check {i + 2}");
        }

        var job = await run;
        Assert.Equal(JobId, job.JobId);
        Assert.Equal(expected.Length, _time.Timers.Count);
    }

    [Fact]
    public async Task State_this_version_does_not_know_keeps_the_helper_waiting()
    {
        SetupSubmit();
        SetupStatus("QUEUED", "INDEXING", "FULFILLED");
        var progress = new ProgressLog();
        var runner = CreateRunner();

        var run = runner.RunConversationDetailsJobAsync(new AsyncConversationQuery { Interval = "2024-05-01T00:00:00Z/P1D" }, progress);
        var job = await AdvanceUntilAsync(run);

        Assert.Equal(JobId, job.JobId);
        Assert.Equal(["QUEUED", "INDEXING", "FULFILLED"], progress.Reports.Select(r => r.State.Value));
        Assert.False(new GenesysCloudJobState("INDEXING").IsTerminal);
    }

    [Fact]
    public async Task Job_cancelled_by_someone_else_ends_the_wait_with_a_cancelled_job_exception()
    {
        SetupSubmit();
        SetupStatus("PENDING", "CANCELLED");
        var runner = CreateRunner();

        var error = await Assert.ThrowsAsync<GenesysCloudJobException>(() =>
            AdvanceUntilAsync(runner.RunConversationDetailsJobAsync(new AsyncConversationQuery { Interval = "2024-05-01T00:00:00Z/P1D" })));

        Assert.Equal((GenesysCloudErrorCodes.JobCancelled, JobId, GenesysCloudJobState.Cancelled), (error.ErrorCode, error.JobId, error.State));
        Assert.Null(error.ErrorMessage);
        _api.Verify(a => a.DeleteAnalyticsConversationsDetailsJobAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Status_check_that_fails_for_good_deletes_the_job_and_surfaces_the_error()
    {
        SetupSubmit();
        var failure = new GenesysCloudApiException("GET …/jobs/{jobId} answered 500.", HttpStatusCode.InternalServerError, null, null, new Dictionary<string, IReadOnlyList<string>>(), attempts: 6);
        _api.Setup(a => a.GetAnalyticsConversationsDetailsJobAsync(JobId, It.IsAny<CancellationToken>())).ThrowsAsync(failure);
        _api.Setup(a => a.DeleteAnalyticsConversationsDetailsJobAsync(JobId, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var runner = CreateRunner();

        var error = await Assert.ThrowsAsync<GenesysCloudApiException>(() =>
            runner.RunConversationDetailsJobAsync(new AsyncConversationQuery { Interval = "2024-05-01T00:00:00Z/P1D" }));

        Assert.Same(failure, error);
        _api.Verify(a => a.DeleteAnalyticsConversationsDetailsJobAsync(JobId, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Cancelled_wait_whose_deletion_fails_says_so_and_keeps_the_deletion_error()
    {
        SetupSubmit();
        SetupStatus("QUEUED", "PENDING");
        var deletionError = new GenesysCloudClientStateException(GenesysCloudErrorCodes.ApiCallingUnavailable, GenesysCloudClientState.Closing, "The client is Closing.");
        _api.Setup(a => a.DeleteAnalyticsConversationsDetailsJobAsync(JobId, It.IsAny<CancellationToken>())).ThrowsAsync(deletionError);
        using var cancellation = new CancellationTokenSource();
        var runner = CreateRunner();

        var run = runner.RunConversationDetailsJobAsync(new AsyncConversationQuery { Interval = "2024-05-01T00:00:00Z/P1D" }, cancellationToken: cancellation.Token);
        await Eventually.TrueAsync(() => _time.Timers.Count == 1, "the helper waits");
        cancellation.Cancel();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.Same(deletionError, error.InnerException);
        Assert.StartsWith($"The wait for analytics conversation details job {JobId} was cancelled; deleting the job failed: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_during_a_status_check_deletes_the_job_and_is_not_mistaken_for_a_job_error()
    {
        SetupSubmit();
        SetupStatus("QUEUED");
        _api.Setup(a => a.DeleteAnalyticsConversationsDetailsJobAsync(JobId, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        using var cancellation = new CancellationTokenSource();
        var runner = CreateRunner();

        // Cancelled while the first check is answered: Polly ends with that QUEUED status instead of an exception.
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunConversationDetailsJobAsync(
            new AsyncConversationQuery { Interval = "2024-05-01T00:00:00Z/P1D" }, new ProgressLog(_ => cancellation.Cancel()), cancellation.Token));

        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.Null(error.InnerException);
        _api.Verify(a => a.DeleteAnalyticsConversationsDetailsJobAsync(JobId, It.Is<CancellationToken>(t => !t.IsCancellationRequested)), Times.Once);
        _api.Verify(a => a.GetAnalyticsConversationsDetailsJobAsync(JobId, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Submission_without_a_job_id_is_an_unexpected_response()
    {
        _api.Setup(a => a.PostAnalyticsUsersDetailsJobsAsync(It.IsAny<AsyncUserDetailsQuery>(), It.IsAny<CancellationToken>())).ReturnsAsync(new AsyncQueryResponse());
        var runner = CreateRunner();

        var error = await Assert.ThrowsAsync<GenesysCloudException>(() => runner.RunUserDetailsJobAsync(new AsyncUserDetailsQuery { Interval = "2024-05-01T00:00:00Z/P1D" }));

        Assert.Equal(GenesysCloudErrorCodes.UnexpectedResponse, error.ErrorCode);
    }

    [Fact]
    public async Task Runner_and_validated_options_are_registered_by_AddGenesysCloud()
    {
        var services = new ServiceCollection();
        services.AddGenesysCloud(o => o.Region = "us-east-1");
        services.Configure<GenesysCloudJobOptions>(o => (o.PollDelay, o.MaxPollDelay, o.ResultsPageSize) = (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2), 0));
        await using var provider = services.BuildServiceProvider();

        Assert.Contains(services, d => d.ServiceType == typeof(IAnalyticsJobRunner) && d.ImplementationType == typeof(AnalyticsJobRunner) && d.Lifetime == ServiceLifetime.Singleton);
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GenesysCloudJobOptions>>().Value);
        Assert.Contains("GenesysCloud:Jobs:MaxPollDelay must be at least PollDelay (00:00:05) and at most 01:00:00; it is 00:00:02. [GC_PLATFORM_API_CLIENT_OPTION_OUT_OF_BOUNDS]", error.Failures);
        Assert.Contains("GenesysCloud:Jobs:ResultsPageSize must be at least 1 when set; it is 0. [GC_PLATFORM_API_CLIENT_OPTION_OUT_OF_BOUNDS]", error.Failures);
    }

    private static async Task YieldAsync()
    {
        for (var i = 0; i < 50; i++)
        {
            await Task.Yield();
        }
    }

    private AnalyticsJobRunner CreateRunner(GenesysCloudJobOptions? options = null) =>
        new(_api.Object, _time, Microsoft.Extensions.Options.Options.Create(options ?? new GenesysCloudJobOptions()));

    private void SetupSubmit()
    {
        _api.Setup(a => a.PostAnalyticsConversationsDetailsJobsAsync(It.IsAny<AsyncConversationQuery>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AsyncQueryResponse { JobId = JobId });
    }

    private void SetupStatus(params string[] states)
    {
        var queue = new ConcurrentQueue<string>(states);
        _api.Setup(a => a.GetAnalyticsConversationsDetailsJobAsync(JobId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new AsyncQueryStatus { State = queue.TryDequeue(out var state) ? state : states[^1] });
    }

    private async Task<T> AdvanceUntilAsync<T>(Task<T> work)
    {
        for (var i = 0; i < 1_000 && !work.IsCompleted; i++)
        {
            await YieldAsync();
            _time.Fake.Advance(TimeSpan.FromSeconds(1));
        }

        return await work;
    }

    /// <summary>A <see cref="FakeTimeProvider"/> that also records the due time of every timer created on it (Polly's waits).</summary>
    private sealed class TimerRecordingTimeProvider : TimeProvider
    {
        private readonly ConcurrentQueue<TimeSpan> _timers = new();

        public FakeTimeProvider Fake { get; } = new(new DateTimeOffset(2024, 6, 1, 9, 0, 0, TimeSpan.Zero));

        public IReadOnlyList<TimeSpan> Timers => [.. _timers];

        public override long TimestampFrequency => Fake.TimestampFrequency;

        public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

        public override long GetTimestamp() => Fake.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _timers.Enqueue(dueTime);
            return Fake.CreateTimer(callback, state, dueTime, period);
        }
    }
}
