using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Jobs;
using GenesysCloud.Extensions.Models;
using GenesysCloud.Extensions.Tests.Fakes;
using GenesysCloud.Extensions.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace GenesysCloud.Extensions.Tests.Jobs;

/// <summary>
/// <see cref="IAnalyticsJobRunner"/> as <c>AddGenesysCloud</c> registers it, against the simulator's analytics jobs, on the
/// simulated clock both share.
/// </summary>
public sealed class AnalyticsJobRunnerIntegrationTests
{
    // The harness's clock starts on 2026-01-01; the interval lies in the past, as Genesys requires.
    private const string Day = "2025-12-01T00:00:00.000Z/2025-12-02T00:00:00.000Z";
    private const string ConversationJobs = "/api/v2/analytics/conversations/details/jobs";

    [Fact]
    public async Task Conversation_details_job_runs_end_to_end_and_streams_every_conversation_page_by_page()
    {
        await using var harness = await StartAsync();
        var runner = harness.Host.Services.GetRequiredService<IAnalyticsJobRunner>();
        var progress = new ProgressLog();

        var job = await JobTime.RunAsync(harness, runner.RunConversationDetailsJobAsync(new AsyncConversationQuery { Interval = Day }, progress));
        var conversations = await job.ToListAsync();

        // The same job's results read page by page without the helper: the helper streams exactly those.
        var expected = await harness.Host.Services.GetRequiredService<IAnalyticsApi>()
            .GetAnalyticsConversationsDetailsJobResultsPageableAsync(job.JobId, pageSize: 1000).ToListAsync();
        Assert.True(conversations.Count > 100, $"{conversations.Count} conversations");
        Assert.Equal(expected.Select(c => c.ConversationId), conversations.Select(c => c.ConversationId));
        Assert.All(conversations, c => Assert.InRange(c.ConversationStart!.Value, new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 12, 2, 0, 0, 0, TimeSpan.Zero)));

        var simulated = Assert.Single(harness.Simulator.DefaultOrganization.AnalyticsJobs.Jobs);
        Assert.Equal((simulated.Id, "FULFILLED"), (job.JobId, simulated.State));
        Assert.Equal(job.Status.CompletionDate + TimeSpan.FromDays(1), job.ExpiresAt);

        // Submit, status checks and 50-item pages are ordinary API calls with the client's token.
        var inspector = harness.Simulator.Inspector;
        var pages = (conversations.Count + 49) / 50;
        Assert.Equal(1, inspector.GetOperationCount("postAnalyticsConversationsDetailsJobs"));
        Assert.Equal(pages + 1, inspector.GetOperationCount("getAnalyticsConversationsDetailsJobResults")); // + the check above
        var statusChecks = inspector.Requests.Where(r => r.Operation == "getAnalyticsConversationsDetailsJob").ToList();
        Assert.InRange(statusChecks.Count, 2, 5);
        Assert.All(inspector.Requests.Where(r => r.Path.StartsWith(ConversationJobs, StringComparison.Ordinal)), r => Assert.NotNull(r.TokenId));
        Assert.Equal("pageSize=50", inspector.Requests.First(r => r.Operation == "getAnalyticsConversationsDetailsJobResults").RawTarget.Split('?')[1]);

        // Progress: one report per status check (QUEUED first, FULFILLED last), then one per page, counting up.
        var reports = progress.Reports;
        var checks = reports.Where(r => r.PagesRead == 0).ToList();
        var reads = reports.Where(r => r.PagesRead > 0).ToList();
        Assert.Equal(statusChecks.Count, checks.Count);
        Assert.Equal(Enumerable.Range(1, checks.Count), checks.Select(r => r.StatusChecks));
        Assert.Equal(GenesysCloudJobState.Queued, checks[0].State);
        Assert.Equal(GenesysCloudJobState.Fulfilled, checks[^1].State);
        Assert.All(checks.SkipLast(1), r => Assert.False(r.State.IsTerminal));
        Assert.True(checks[^1].Elapsed >= TimeSpan.FromSeconds(5), $"fulfilled after {checks[^1].Elapsed}"); // the job's duration
        Assert.Equal(Enumerable.Range(1, pages), reads.Select(r => r.PagesRead));
        Assert.Equal(conversations.Count, reads[^1].ItemsRead);
        Assert.All(reports, r => Assert.Equal(job.JobId, r.JobId));
        Assert.Equal(reports.Select(r => r.Elapsed).Order(), reports.Select(r => r.Elapsed));
    }

    [Fact]
    public async Task User_details_job_runs_end_to_end_and_can_be_deleted_once_read()
    {
        await using var harness = await StartAsync();
        var runner = harness.Host.Services.GetRequiredService<IAnalyticsJobRunner>();

        var job = await JobTime.RunAsync(harness, runner.RunUserDetailsJobAsync(new AsyncUserDetailsQuery { Interval = Day }));
        var users = new List<AnalyticsUserDetail>();
        await foreach (var page in job.AsPages())
        {
            users.AddRange(page.Values);
            Assert.IsType<AnalyticsUserDetailsAsyncQueryResponse>(page.Listing);
        }

        await job.DeleteAsync();

        var seeded = (await harness.Host.Services.GetRequiredService<IUsersApi>().GetUsersAsync(pageSize: 1)).Total;
        Assert.Equal(seeded, users.Select(u => u.UserId).Distinct().Count()); // every seeded user, once
        Assert.Equal(seeded, users.Count);
        Assert.All(users, u => Assert.NotEmpty(u.PrimaryPresence!));
        Assert.Equal("CANCELLED", Assert.Single(harness.Simulator.DefaultOrganization.AnalyticsJobs.Jobs).State);
        Assert.Equal(1, harness.Simulator.Inspector.GetOperationCount("deleteAnalyticsUsersDetailsJob"));
    }

    [Fact]
    public async Task Failed_job_ends_the_wait_with_a_job_exception_carrying_its_id_state_and_Genesys_message()
    {
        await using var harness = await StartAsync();
        var runner = harness.Host.Services.GetRequiredService<IAnalyticsJobRunner>();
        harness.Simulator.DefaultOrganization.AnalyticsJobs.FailNext("Query exceeded the maximum result size.");

        var error = await Assert.ThrowsAsync<GenesysCloudJobException>(() =>
            JobTime.RunAsync(harness, runner.RunConversationDetailsJobAsync(new AsyncConversationQuery { Interval = Day })));

        var simulated = Assert.Single(harness.Simulator.DefaultOrganization.AnalyticsJobs.Jobs);
        Assert.Equal(GenesysCloudErrorCodes.JobFailed, error.ErrorCode);
        Assert.Equal(simulated.Id, error.JobId);
        Assert.Equal(GenesysCloudJobState.Failed, error.State);
        Assert.Equal("Query exceeded the maximum result size.", error.ErrorMessage);
        Assert.Equal($"The analytics conversation details job {simulated.Id} failed: Query exceeded the maximum result size.", error.Message);
        Assert.IsAssignableFrom<GenesysCloudException>(error);
        Assert.Equal(0, harness.Simulator.Inspector.GetOperationCount("getAnalyticsConversationsDetailsJobResults"));
        Assert.Equal(0, harness.Simulator.Inspector.GetOperationCount("deleteAnalyticsConversationsDetailsJob"));
    }

    [Fact]
    public async Task Cancelled_wait_deletes_the_job_and_ends_with_the_callers_cancellation()
    {
        await using var harness = await StartAsync();
        var runner = harness.Host.Services.GetRequiredService<IAnalyticsJobRunner>();
        using var cancellation = new CancellationTokenSource();
        var progress = new ProgressLog();

        // The first status check says QUEUED; the helper then waits on the (simulated, unmoving) clock until the caller cancels.
        var run = runner.RunConversationDetailsJobAsync(new AsyncConversationQuery { Interval = Day }, progress, cancellation.Token);
        await Eventually.TrueAsync(() => progress.Reports.Count == 1 && harness.Client.InFlightCount == 0, "the first status check is done");
        cancellation.Cancel();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        var simulated = Assert.Single(harness.Simulator.DefaultOrganization.AnalyticsJobs.Jobs);
        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.Equal($"The wait for analytics conversation details job {simulated.Id} was cancelled; the job was deleted.", error.Message);
        Assert.Equal("CANCELLED", simulated.State);
        var inspector = harness.Simulator.Inspector;
        Assert.Equal(1, inspector.GetOperationCount("deleteAnalyticsConversationsDetailsJob"));
        Assert.Equal($"{ConversationJobs}/{simulated.Id}", inspector.Requests[^1].Path);
        Assert.Equal(progress.Reports.Count, inspector.GetOperationCount("getAnalyticsConversationsDetailsJob")); // no check after the cancellation
        Assert.Equal(0, inspector.GetOperationCount("getAnalyticsConversationsDetailsJobResults"));
    }

    [Fact]
    public async Task Cancellation_before_the_submission_sends_nothing()
    {
        await using var harness = await StartAsync();
        var runner = harness.Host.Services.GetRequiredService<IAnalyticsJobRunner>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            runner.RunConversationDetailsJobAsync(new AsyncConversationQuery { Interval = Day }, cancellationToken: new CancellationToken(canceled: true)));

        Assert.Empty(harness.Simulator.DefaultOrganization.AnalyticsJobs.Jobs);
    }

    [Fact]
    public async Task Job_that_expires_while_the_helper_waits_ends_the_wait_with_an_expired_job_exception()
    {
        await using var harness = await StartAsync();
        var runner = harness.Host.Services.GetRequiredService<IAnalyticsJobRunner>();
        var jobs = harness.Simulator.DefaultOrganization.AnalyticsJobs;
        var progress = new ProgressLog(report =>
        {
            if (report.StatusChecks == 1)
            {
                jobs.Expire(report.JobId);
            }
        });

        var error = await Assert.ThrowsAsync<GenesysCloudJobException>(() =>
            JobTime.RunAsync(harness, runner.RunConversationDetailsJobAsync(new AsyncConversationQuery { Interval = Day }, progress)));

        Assert.Equal(GenesysCloudErrorCodes.JobExpired, error.ErrorCode);
        Assert.Equal(GenesysCloudJobState.Expired, error.State);
        Assert.Equal(Assert.Single(jobs.Jobs).Id, error.JobId);
        Assert.Contains("expired; its results are no longer available", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_of_a_job_that_expired_after_it_was_fulfilled_end_with_an_expired_job_exception()
    {
        await using var harness = await StartAsync();
        var runner = harness.Host.Services.GetRequiredService<IAnalyticsJobRunner>();
        var job = await JobTime.RunAsync(harness, runner.RunConversationDetailsJobAsync(new AsyncConversationQuery { Interval = Day }));
        var read = new List<AnalyticsConversation>();

        var error = await Assert.ThrowsAsync<GenesysCloudJobException>(async () =>
        {
            await foreach (var conversation in job)
            {
                read.Add(conversation);
                if (read.Count == 50)
                {
                    harness.Simulator.DefaultOrganization.AnalyticsJobs.Expire(job.JobId); // Genesys drops the results mid-way
                }
            }
        });

        Assert.Equal(50, read.Count);
        Assert.Equal((GenesysCloudErrorCodes.JobExpired, job.JobId), (error.ErrorCode, error.JobId));
        var resultsError = Assert.IsType<GenesysCloudApiException>(error.InnerException);
        Assert.Equal(400, (int)resultsError.StatusCode);
    }

    [Fact]
    public async Task Query_without_an_interval_is_refused_before_anything_is_sent()
    {
        await using var harness = await StartAsync();
        var runner = harness.Host.Services.GetRequiredService<IAnalyticsJobRunner>();

        var error = await Assert.ThrowsAsync<GenesysCloudArgumentException>(() => runner.RunConversationDetailsJobAsync(new AsyncConversationQuery()));
        await Assert.ThrowsAsync<ArgumentNullException>(() => runner.RunUserDetailsJobAsync(null!));

        Assert.Equal((GenesysCloudErrorCodes.ApiCallRequestBodyInvalid, "query"), (error.ErrorCode, error.ParamName));
        Assert.Empty(harness.Simulator.DefaultOrganization.AnalyticsJobs.Jobs);
    }

    private static Task<SimulatorHarness> StartAsync() =>
        SimulatorHarness.StartAsync(
            simulator: s => s.RateLimit = null,
            fakeTime: true,
            services: services => services.Configure<GenesysCloudJobOptions>(o => o.ResultsPageSize = 50));
}
