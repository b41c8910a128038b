using System.Net;

namespace GenesysCloud.Extensions.Notifications.Channels;

/// <summary>The WebSocket to a channel's <c>connectUri</c> could not be opened; <see cref="StatusCode"/> is the handshake's HTTP status, if any.</summary>
internal sealed class ChannelSocketConnectException(string message, HttpStatusCode? statusCode, Exception? innerException = null)
    : Exception(message, innerException)
{
    public HttpStatusCode? StatusCode { get; } = statusCode;

    /// <summary>Gets a value indicating whether the answer says the channel no longer exists.</summary>
    public bool ChannelGone => StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone;
}
