namespace GenesysCloud.Extensions.Telemetry;

/// <summary>
/// Describes an API call in an event: its id, method, path template, category and operation, and what happened.
/// </summary>
public sealed class GenesysCloudCallEventArgs : EventArgs
{
    internal GenesysCloudCallEventArgs(long callId, string method, string pathTemplate, string? category, string? operation)
    {
        CallId = callId;
        Method = method;
        PathTemplate = pathTemplate;
        Category = category;
        Operation = operation;
    }

    /// <summary>Gets the name of the client that raised the event (<c>default</c> for the unnamed client).</summary>
    public string ClientName { get; init; } = "default";

    /// <summary>Gets the call's id, unique in the process.</summary>
    public long CallId { get; }

    /// <summary>Gets the HTTP method.</summary>
    public string Method { get; }

    /// <summary>Gets the path template (never the path with its parameter values).</summary>
    public string PathTemplate { get; }

    /// <summary>Gets the API category, if known.</summary>
    public string? Category { get; }

    /// <summary>Gets the operation id, if known.</summary>
    public string? Operation { get; }

    /// <summary>Gets the size of the queue after the change (backlog and in-flight events).</summary>
    public int QueueSize { get; init; }

    /// <summary>Gets a value indicating whether the call entered (true) or left (false) the queue.</summary>
    public bool Added { get; init; }

    /// <summary>Gets the call's duration (call-ended events).</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Gets the final HTTP status, if a response arrived (call-ended events).</summary>
    public int? StatusCode { get; init; }

    /// <summary>Gets the error type when the call failed (call-ended events), or the retry reason (retry events).</summary>
    public string? Reason { get; init; }
}
