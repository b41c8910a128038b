using GenesysCloud.Extensions.Errors;

namespace GenesysCloud.Extensions.Notifications;

/// <summary>
/// A run-time failure of the notifications client: a topic Genesys Cloud rejected, or a request made while the client
/// stops. <see cref="GenesysCloudException.ErrorCode"/> is one of <see cref="GenesysCloudNotificationErrorCodes"/>.
/// </summary>
public sealed class GenesysCloudNotificationException : GenesysCloudException
{
    /// <summary>Initializes a new instance of the <see cref="GenesysCloudNotificationException"/> class.</summary>
    /// <param name="errorCode">A stable code from <see cref="GenesysCloudNotificationErrorCodes"/>.</param>
    /// <param name="message">A message for people.</param>
    /// <param name="topics">The topics concerned, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    public GenesysCloudNotificationException(string errorCode, string message, IReadOnlyList<string>? topics = null, Exception? innerException = null)
        : base(errorCode, message, innerException)
    {
        Topics = topics ?? [];
    }

    /// <summary>Gets the topics concerned (for <see cref="GenesysCloudNotificationErrorCodes.TopicRejected"/>, the rejected ones).</summary>
    public IReadOnlyList<string> Topics { get; }
}
