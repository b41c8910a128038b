using GenesysCloud.Extensions.Errors;

namespace GenesysCloud.Extensions.Jobs;

/// <summary>
/// An asynchronous job ended without results: it failed (<see cref="GenesysCloudErrorCodes.JobFailed"/>), was cancelled
/// by someone else (<see cref="GenesysCloudErrorCodes.JobCancelled"/>) or expired (<see cref="GenesysCloudErrorCodes.JobExpired"/>),
/// while a job helper waited for it or read its results.
/// </summary>
public sealed class GenesysCloudJobException : GenesysCloudException
{
    /// <summary>Initializes a new instance of the <see cref="GenesysCloudJobException"/> class.</summary>
    /// <param name="errorCode">A stable code from <see cref="GenesysCloudErrorCodes"/>.</param>
    /// <param name="message">A message for people.</param>
    /// <param name="jobId">The job's id.</param>
    /// <param name="state">The state the job ended in.</param>
    /// <param name="errorMessage">The <c>errorMessage</c> of the job's status, when Genesys gave one.</param>
    /// <param name="innerException">The error of the call that found the job ended (reading a page of results), if any.</param>
    public GenesysCloudJobException(string errorCode, string message, string jobId, GenesysCloudJobState state, string? errorMessage, Exception? innerException = null)
        : base(errorCode, message, innerException)
    {
        JobId = jobId;
        State = state;
        ErrorMessage = errorMessage;
    }

    /// <summary>Gets the job's id.</summary>
    public string JobId { get; }

    /// <summary>Gets the state the job ended in.</summary>
    public GenesysCloudJobState State { get; }

    /// <summary>Gets Genesys Cloud's <c>errorMessage</c> for the job (a failed job's reason), or <see langword="null"/>.</summary>
    public string? ErrorMessage { get; }
}
