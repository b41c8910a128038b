using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Models;
using GenesysCloud.Extensions.Paging;

namespace GenesysCloud.Extensions.Jobs;

/// <summary>
/// The typed calls that follow the submission of one kind of analytics details job: status, results (the generated cursor
/// pageable) and delete. The kinds differ only in these calls, so one runner and one job type serve them all.
/// </summary>
/// <typeparam name="TItem">The result type.</typeparam>
internal sealed class AnalyticsJobKind<TItem>(
    string name,
    Func<IAnalyticsApi, string, CancellationToken, Task<AsyncQueryStatus>> getStatus,
    Func<IAnalyticsApi, string, int?, GenesysCloudAsyncPageable<TItem>> getResults,
    Func<IAnalyticsApi, string, CancellationToken, Task> delete)
{
    /// <summary>Gets the kind's name in messages, for example <c>conversation details</c>.</summary>
    public string Name { get; } = name;

    public Func<IAnalyticsApi, string, CancellationToken, Task<AsyncQueryStatus>> GetStatus { get; } = getStatus;

    public Func<IAnalyticsApi, string, int?, GenesysCloudAsyncPageable<TItem>> GetResults { get; } = getResults;

    public Func<IAnalyticsApi, string, CancellationToken, Task> Delete { get; } = delete;
}

/// <summary>The analytics details jobs the runner knows.</summary>
internal static class AnalyticsJobKinds
{
    public static readonly AnalyticsJobKind<AnalyticsConversation> ConversationDetails = new(
        "conversation details",
        static (api, jobId, cancellationToken) => api.GetAnalyticsConversationsDetailsJobAsync(jobId, cancellationToken),
        static (api, jobId, pageSize) => api.GetAnalyticsConversationsDetailsJobResultsPageableAsync(jobId, pageSize),
        static (api, jobId, cancellationToken) => api.DeleteAnalyticsConversationsDetailsJobAsync(jobId, cancellationToken));

    public static readonly AnalyticsJobKind<AnalyticsUserDetail> UserDetails = new(
        "user details",
        static (api, jobId, cancellationToken) => api.GetAnalyticsUsersDetailsJobAsync(jobId, cancellationToken),
        static (api, jobId, pageSize) => api.GetAnalyticsUsersDetailsJobResultsPageableAsync(jobId, pageSize),
        static (api, jobId, cancellationToken) => api.DeleteAnalyticsUsersDetailsJobAsync(jobId, cancellationToken));
}
