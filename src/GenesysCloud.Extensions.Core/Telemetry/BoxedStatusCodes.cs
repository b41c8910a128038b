namespace GenesysCloud.Extensions.Telemetry;

/// <summary>
/// The HTTP status codes as boxed objects, made once: a span tag or a metric tag holds an <see cref="object"/>, and boxing
/// the status of every call anew is an allocation per call and per instrument.
/// </summary>
internal static class BoxedStatusCodes
{
    private const int First = 100;
    private static readonly object[] Boxes = [.. Enumerable.Range(First, 500).Select(static code => (object)code)];

    /// <summary>Gets <paramref name="statusCode"/> boxed; a shared box for 100–599.</summary>
    public static object Get(int statusCode) =>
        (uint)(statusCode - First) < (uint)Boxes.Length ? Boxes[statusCode - First] : statusCode;
}
