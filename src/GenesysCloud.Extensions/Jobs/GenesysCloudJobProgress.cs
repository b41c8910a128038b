namespace GenesysCloud.Extensions.Jobs;

/// <summary>
/// A snapshot of a job helper's progress, reported to the <see cref="IProgress{T}"/> given to it after every status check
/// and every page of results.
/// </summary>
public sealed class GenesysCloudJobProgress
{
    /// <summary>Initializes a new instance of the <see cref="GenesysCloudJobProgress"/> class.</summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="state">The job's state at its last status check.</param>
    /// <param name="elapsed">The time since the job was submitted (or since the helper started waiting for it).</param>
    /// <param name="statusChecks">The number of status checks so far.</param>
    /// <param name="pagesRead">The number of pages of results read so far by the enumeration that reports.</param>
    /// <param name="itemsRead">The number of results read so far by the enumeration that reports.</param>
    public GenesysCloudJobProgress(string jobId, GenesysCloudJobState state, TimeSpan elapsed, int statusChecks, int pagesRead, long itemsRead)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        JobId = jobId;
        State = state;
        Elapsed = elapsed;
        StatusChecks = statusChecks;
        PagesRead = pagesRead;
        ItemsRead = itemsRead;
    }

    /// <summary>Gets the job's id (keep it to find the job in Genesys Cloud, or to delete it).</summary>
    public string JobId { get; }

    /// <summary>Gets the job's state at its last status check.</summary>
    public GenesysCloudJobState State { get; }

    /// <summary>Gets the time since the job was submitted, on the host's <see cref="TimeProvider"/>.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Gets the number of status checks so far.</summary>
    public int StatusChecks { get; }

    /// <summary>Gets the number of pages of results read so far (0 while the job runs).</summary>
    public int PagesRead { get; }

    /// <summary>Gets the number of results read so far (0 while the job runs).</summary>
    public long ItemsRead { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        FormattableString.Invariant($"{JobId} {State} after {Elapsed}: {StatusChecks} status checks, {PagesRead} pages, {ItemsRead} results");
}
