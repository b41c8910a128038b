namespace GenesysCloud.Extensions.Jobs;

/// <summary>
/// How the job helpers (<see cref="IAnalyticsJobRunner"/>) wait for a job and read its results. Bound from the
/// <c>Jobs</c> sub-section of the client's configuration section (<c>GenesysCloud:Jobs</c>), or set with
/// <c>services.Configure&lt;GenesysCloudJobOptions&gt;(…)</c>; validated when the host starts.
/// </summary>
public sealed class GenesysCloudJobOptions
{
    /// <summary>The largest <see cref="PollDelay"/> and <see cref="MaxPollDelay"/> accepted.</summary>
    public static readonly TimeSpan MaxAllowedPollDelay = TimeSpan.FromHours(1);

    /// <summary>Gets or sets the wait before the second status check; each later wait doubles, up to <see cref="MaxPollDelay"/>.</summary>
    /// <remarks>Defaults to 1 second. The first check is made right after the job is submitted. Greater than zero, at most 1 hour.</remarks>
    public TimeSpan PollDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest wait between two status checks.</summary>
    /// <remarks>Defaults to 30 seconds. At least <see cref="PollDelay"/>, at most 1 hour.</remarks>
    public TimeSpan MaxPollDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the <c>pageSize</c> of each request for a page of results.</summary>
    /// <remarks>Defaults to <see langword="null"/>: Genesys Cloud's default (100). At least 1 when set.</remarks>
    public int? ResultsPageSize { get; set; }
}
