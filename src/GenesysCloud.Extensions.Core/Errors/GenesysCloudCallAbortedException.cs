namespace GenesysCloud.Extensions.Errors;

/// <summary>
/// The call never ran to completion because the client refused or dropped it: the backlog was full
/// (<see cref="GenesysCloudErrorCodes.BacklogFull"/>), or it was cleared or left over when the client closed
/// (<see cref="GenesysCloudErrorCodes.Closing"/>). A call that ends this way was not sent again after the error.
/// </summary>
public sealed class GenesysCloudCallAbortedException : GenesysCloudException
{
    /// <summary>Initializes a new instance of the <see cref="GenesysCloudCallAbortedException"/> class.</summary>
    /// <param name="errorCode">A stable code from <see cref="GenesysCloudErrorCodes"/>.</param>
    /// <param name="message">A message for people.</param>
    public GenesysCloudCallAbortedException(string errorCode, string message)
        : base(errorCode, message)
    {
    }
}
