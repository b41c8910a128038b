namespace GenesysCloud.Extensions.Simulator;

/// <summary>
/// A scripted or probabilistic fault: requests matching <see cref="Method"/> and <see cref="Path"/> are answered with
/// <see cref="Kind"/>, for the next <see cref="Count"/> matches, with probability <see cref="Probability"/>, until <see cref="Duration"/> ends.
/// </summary>
public sealed class SimulatorFault
{
    /// <summary>Gets the HTTP method to match; <see langword="null"/> matches any.</summary>
    public string? Method { get; init; }

    /// <summary>
    /// Gets the path to match; <see langword="null"/> or <c>*</c> matches any. A value starting with <c>^</c> is a regular expression,
    /// one ending with <c>*</c> a prefix, anything else a path template (<c>/api/v2/routing/queues/{queueId}</c>) or literal path.
    /// </summary>
    public string? Path { get; init; }

    /// <summary>
    /// Gets the name of the organization whose requests the fault applies to; <see langword="null"/> matches every request,
    /// including those no organization is known for.
    /// </summary>
    public string? Organization { get; init; }

    /// <summary>Gets what the fault does.</summary>
    /// <remarks>Defaults to <see cref="SimulatorFaultKind.Status"/>.</remarks>
    public SimulatorFaultKind Kind { get; init; } = SimulatorFaultKind.Status;

    /// <summary>Gets the status code to answer.</summary>
    /// <remarks>Defaults to 500 for <see cref="SimulatorFaultKind.Status"/> and 200 for the body faults.</remarks>
    public int? StatusCode { get; init; }

    /// <summary>Gets status codes to choose from, uniformly with the seeded generator, instead of <see cref="StatusCode"/>.</summary>
    public IReadOnlyList<int>? StatusCodes { get; init; }

    /// <summary>Gets the <c>Retry-After</c> to send with a status fault; for a 429 without one, the time left in the fault's duration (at least 1 s) is sent.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Gets how long a <see cref="SimulatorFaultKind.Stall"/> waits.</summary>
    /// <remarks>Defaults to 100 seconds, past any sensible client timeout.</remarks>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Gets how many matching requests the fault applies to; <see langword="null"/> means every one.</summary>
    /// <remarks>Defaults to 1.</remarks>
    public int? Count { get; init; } = 1;

    /// <summary>Gets the probability, from 0 to 1, that a matching request is faulted (drawn with the seeded generator).</summary>
    /// <remarks>Defaults to 1.</remarks>
    public double Probability { get; init; } = 1;

    /// <summary>Gets how long after it is added the fault stays active; <see langword="null"/> means until it is used up or removed.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Gets the size of a <see cref="SimulatorFaultKind.HugeBody"/> body in bytes.</summary>
    /// <remarks>Defaults to 16 MiB.</remarks>
    public int HugeBodyBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Creates a fault answering <paramref name="statusCode"/> to the next <paramref name="count"/> matching requests.</summary>
    /// <param name="statusCode">The status to answer.</param>
    /// <param name="method">The method to match, or <see langword="null"/> for any.</param>
    /// <param name="path">The path pattern to match, or <see langword="null"/> for any.</param>
    /// <param name="count">The number of requests to fault.</param>
    /// <param name="retryAfter">The <c>Retry-After</c> header to send, if any.</param>
    /// <returns>The fault.</returns>
    public static SimulatorFault Status(int statusCode, string? method = null, string? path = null, int count = 1, TimeSpan? retryAfter = null) =>
        new() { Kind = SimulatorFaultKind.Status, StatusCode = statusCode, Method = method, Path = path, Count = count, RetryAfter = retryAfter };

    /// <summary>Creates a fault of <paramref name="kind"/> for the next <paramref name="count"/> matching requests.</summary>
    /// <param name="kind">What to do.</param>
    /// <param name="method">The method to match, or <see langword="null"/> for any.</param>
    /// <param name="path">The path pattern to match, or <see langword="null"/> for any.</param>
    /// <param name="count">The number of requests to fault.</param>
    /// <returns>The fault.</returns>
    public static SimulatorFault Of(SimulatorFaultKind kind, string? method = null, string? path = null, int count = 1) =>
        new() { Kind = kind, Method = method, Path = path, Count = count };

    /// <summary>Creates a fault that fails each call with <paramref name="probability"/>, answering one of <paramref name="statusCodes"/> (500, 502, 503, 504 when none are given).</summary>
    /// <param name="probability">The probability, from 0 to 1.</param>
    /// <param name="statusCodes">The statuses to choose from.</param>
    /// <returns>The fault.</returns>
    public static SimulatorFault Random(double probability, params int[] statusCodes) => new()
    {
        Kind = SimulatorFaultKind.Status,
        Probability = probability,
        StatusCodes = statusCodes.Length == 0 ? [500, 502, 503, 504] : statusCodes,
        Count = null,
    };

    /// <summary>Creates a "429 storm": every request matching <paramref name="path"/> is answered 429 for <paramref name="duration"/>.</summary>
    /// <param name="duration">How long the storm lasts.</param>
    /// <param name="path">The path pattern to match, or <see langword="null"/> for any.</param>
    /// <returns>The fault.</returns>
    public static SimulatorFault RateLimitStorm(TimeSpan duration, string? path = null) =>
        new() { Kind = SimulatorFaultKind.Status, StatusCode = 429, Path = path, Count = null, Duration = duration };
}
