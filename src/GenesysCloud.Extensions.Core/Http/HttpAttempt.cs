namespace GenesysCloud.Extensions.Http;

/// <summary>
/// Sends one HTTP attempt and reads its whole body, both within <c>SocketTimeout</c> and the body within
/// <c>MaxResponseContentLength</c> — the single implementation of the attempt bound, used by API calls and by the
/// login service's requests alike. Time a call spends waiting for its start is never part of it.
/// </summary>
internal sealed class HttpAttempt
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly long _maxContentLength;

    public HttpAttempt(TimeProvider time, TimeSpan timeout, long maxContentLength)
    {
        _time = time;
        _timeout = timeout;
        _maxContentLength = maxContentLength;
    }

    /// <summary>Sends <paramref name="request"/> and returns its response with the body buffered (<see cref="BufferedContent"/>).</summary>
    /// <exception cref="AttemptTimeoutException">The attempt did not complete within <c>SocketTimeout</c>.</exception>
    /// <exception cref="ResponseTooLargeException">The body exceeds <c>MaxResponseContentLength</c>.</exception>
    public async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_timeout, _time);
        using var link = cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), timeout);
        HttpResponseMessage? response = null;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            await BufferedContent.LoadAsync(response, _maxContentLength, timeout.Token).ConfigureAwait(false);
            return response;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            response?.Dispose();
            throw new AttemptTimeoutException($"The attempt did not complete within SocketTimeout ({_timeout}).", ex);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw new OperationCanceledException(cancellationToken);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }
}
