using System.Buffers;
using System.Net;

namespace GenesysCloud.Extensions.Http;

/// <summary>
/// A response body read to the end within the attempt, into one array of exactly its size (so reading a body costs
/// about its size), bounded by <c>MaxResponseContentLength</c>. Replaces the network content of every response the
/// client's attempts return, so retries, mapping and deserialization never touch the socket again.
/// </summary>
internal sealed class BufferedContent : HttpContent
{
    private const int SegmentSize = 64 * 1024;

    private BufferedContent(byte[] body) => Body = body;

    /// <summary>Gets the body bytes (exactly the body: the array is not pooled and may be handed to the caller).</summary>
    public byte[] Body { get; }

    /// <summary>
    /// Reads the content of <paramref name="response"/> to the end and replaces it with a <see cref="BufferedContent"/>
    /// carrying the same content headers.
    /// </summary>
    /// <exception cref="ResponseTooLargeException">The body is, or declares to be, longer than <paramref name="maxLength"/>.</exception>
    public static async Task LoadAsync(HttpResponseMessage response, long maxLength, CancellationToken cancellationToken)
    {
        var network = response.Content;
        var declared = network.Headers.ContentLength;
        byte[] body;
        try
        {
            if (declared > maxLength)
            {
                throw new ResponseTooLargeException(declared.Value, maxLength);
            }

            var stream = await network.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                body = declared is { } length
                    ? await ReadExactlyAsync(stream, (int)length, cancellationToken).ConfigureAwait(false)
                    : await ReadToEndAsync(stream, maxLength, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ResponseTooLargeException ex)
        {
            throw new ResponseTooLargeException(ex.DeclaredLength, ex.MaxLength)
            {
                StatusCode = response.StatusCode,
                ContentType = network.Headers.ContentType?.MediaType,
                CorrelationId = HeaderValues.First(response.Headers, Requests.GenesysCloudHeaderNames.CorrelationId),
            };
        }

        var buffered = new BufferedContent(body);
        HeaderValues.CopyTo(network.Headers, buffered.Headers);

        response.Content = buffered;
        network.Dispose();
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(Body, 0, Body.Length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(Body, 0, Body.Length, cancellationToken);

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new MemoryStream(Body, writable: false));

    protected override bool TryComputeLength(out long length)
    {
        length = Body.Length;
        return true;
    }

    private static async Task<byte[]> ReadExactlyAsync(Stream stream, int length, CancellationToken cancellationToken)
    {
        if (length == 0)
        {
            return [];
        }

        var body = new byte[length];
        var read = await stream.ReadAtLeastAsync(body, length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read < length)
        {
            throw new HttpIOException(HttpRequestError.ResponseEnded, $"The response ended after {read} of the {length} bytes its Content-Length declared.");
        }

        return body;
    }

    // Unknown length (chunked, or decompressed): read into pooled segments, then copy once into an array of the exact size.
    private static async Task<byte[]> ReadToEndAsync(Stream stream, long maxLength, CancellationToken cancellationToken)
    {
        var segments = new List<byte[]>();
        var total = 0L;
        var filled = 0;
        try
        {
            while (true)
            {
                if (segments.Count == 0 || filled == SegmentSize)
                {
                    segments.Add(ArrayPool<byte>.Shared.Rent(SegmentSize));
                    filled = 0;
                }

                var current = segments[^1];
                var read = await stream.ReadAsync(current.AsMemory(filled, SegmentSize - filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                filled += read;
                total += read;
                if (total > maxLength)
                {
                    throw new ResponseTooLargeException(null, maxLength);
                }
            }

            var body = total == 0 ? [] : new byte[total];
            var offset = 0;
            for (var i = 0; i < segments.Count; i++)
            {
                var count = i == segments.Count - 1 ? filled : SegmentSize;
                segments[i].AsSpan(0, count).CopyTo(body.AsSpan(offset));
                offset += count;
            }

            return body;
        }
        finally
        {
            foreach (var segment in segments)
            {
                ArrayPool<byte>.Shared.Return(segment);
            }
        }
    }
}
