using System.Diagnostics;

namespace GenesysCloud.Extensions.Http;

/// <summary>
/// Per-call state that travels with the request through the handlers (in <see cref="HttpRequestMessage.Options"/>,
/// which the resilience handler copies to every attempt): what the call is, and how many attempts it made.
/// </summary>
internal sealed class CallContext
{
    public static readonly HttpRequestOptionsKey<CallContext> Key = new("GenesysCloud.CallContext");

    private static long _nextId;

    public CallContext(string method, string pathTemplate, string? category, string? operation, long startTimestamp)
    {
        Id = Interlocked.Increment(ref _nextId);
        Method = method;
        PathTemplate = pathTemplate;
        Category = category;
        Operation = operation;
        StartTimestamp = startTimestamp;
    }

    public long Id { get; }

    public string Method { get; }

    public string PathTemplate { get; }

    public string? Category { get; }

    public string? Operation { get; }

    public long StartTimestamp { get; }

    /// <summary>Gets or sets the number of attempts sent (429 re-sends excluded).</summary>
    public int Attempts { get; set; }

    /// <summary>Gets or sets the number of 429 re-sends.</summary>
    public int RateLimitRetries { get; set; }

    /// <summary>Gets or sets the status of the last response received.</summary>
    public int? LastStatusCode { get; set; }

    /// <summary>Gets or sets the call's client span.</summary>
    public Activity? Activity { get; set; }

    public static CallContext? Get(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var context) ? context : null;
}
