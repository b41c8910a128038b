namespace GenesysCloud.Extensions.Jobs;

/// <summary>
/// The state of an asynchronous Genesys Cloud job as its status reports it: <see cref="Queued"/> and <see cref="Pending"/>
/// while it runs, then <see cref="Fulfilled"/>, <see cref="Failed"/>, <see cref="Cancelled"/> or <see cref="Expired"/>.
/// </summary>
/// <remarks>
/// A value this version does not know still round-trips (<see cref="Value"/>) and counts as "still running", so a new
/// intermediate state Genesys adds keeps a job helper waiting rather than failing.
/// </remarks>
/// <param name="Value">The wire value, for example <c>FULFILLED</c>.</param>
public readonly record struct GenesysCloudJobState(string Value)
{
    /// <summary>Gets <c>QUEUED</c>: submitted, not started yet.</summary>
    public static GenesysCloudJobState Queued => new("QUEUED");

    /// <summary>Gets <c>PENDING</c>: running.</summary>
    public static GenesysCloudJobState Pending => new("PENDING");

    /// <summary>Gets <c>FULFILLED</c>: done; the results can be read until the job expires.</summary>
    public static GenesysCloudJobState Fulfilled => new("FULFILLED");

    /// <summary>Gets <c>FAILED</c>: the job ended with an error (its status says which).</summary>
    public static GenesysCloudJobState Failed => new("FAILED");

    /// <summary>Gets <c>CANCELLED</c>: the job was deleted before it was fulfilled.</summary>
    public static GenesysCloudJobState Cancelled => new("CANCELLED");

    /// <summary>Gets <c>EXPIRED</c>: the results are gone.</summary>
    public static GenesysCloudJobState Expired => new("EXPIRED");

    /// <summary>Gets a value indicating whether the job has ended: fulfilled, failed, cancelled or expired.</summary>
    public bool IsTerminal => this == Fulfilled || this == Failed || this == Cancelled || this == Expired;

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value ?? string.Empty;
}
