using System.Diagnostics;
using GenesysCloud.Extensions.Requests;

namespace GenesysCloud.Extensions.Pipeline;

/// <summary>
/// A call as it waits in the backlog: the validated request, its serialized body and when it was queued — a small
/// record, so that a queued call costs little. The HTTP message is built only when an attempt gets its slot, and
/// what changes from attempt to attempt lives in the attempt's <see cref="Polly.ResilienceContext"/>
/// (<see cref="CallProperties"/>), not here.
/// </summary>
internal sealed class PendingCall
{
    private static long _nextId;
    private Uri? _requestUri;

    public PendingCall(GenesysCloudRequest request, byte[]? body, long queuedAt, DateTimeOffset queuedAtUtc)
    {
        Id = Interlocked.Increment(ref _nextId);
        Request = request;
        Body = body;
        QueuedAt = queuedAt;
        QueuedAtUtc = queuedAtUtc;
    }

    public long Id { get; }

    public GenesysCloudRequest Request { get; }

    /// <summary>Gets the serialized body, or <see langword="null"/> when the request has none.</summary>
    public byte[]? Body { get; }

    /// <summary>Gets the <see cref="TimeProvider"/> timestamp at which the call was queued.</summary>
    public long QueuedAt { get; }

    /// <summary>Gets the instant the call was queued (the start of its span).</summary>
    public DateTimeOffset QueuedAtUtc { get; }

    /// <summary>Gets a value indicating whether the client makes this call for itself (the connect probe): it is not
    /// counted or traced as a caller's call.</summary>
    public bool IsInternal { get; init; }

    /// <summary>Gets or sets the call's client span, started when the call first leaves the backlog.</summary>
    public Activity? Activity { get; set; }

    public string Method => Request.Method.Method;

    public string PathTemplate => Request.PathTemplate;

    public string? Category => Request.Category;

    public string? Operation => Request.Operation;

    /// <summary>Gets the request URI, built once, when the first attempt needs it (a queued call does not hold it).</summary>
    public Uri GetRequestUri(Uri apiBaseAddress) => _requestUri ??= new Uri(apiBaseAddress, Request.BuildRelativeUri());

    public override string ToString() => Request.ToString();
}
