using GenesysCloud.Extensions.Options;
using Microsoft.Extensions.Options;

namespace GenesysCloud.Extensions.Http;

/// <summary>
/// Bounds one attempt — connect, send, and reading the whole response body — by <c>SocketTimeout</c>, and
/// buffers the body inside that bound so a server that stalls mid-body cannot hang a call or hold its slot.
/// Time spent in the backlog does not count: this handler runs after the pacing handler granted a slot.
/// </summary>
internal sealed class AttemptTimeoutHandler : DelegatingHandler
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;

    public AttemptTimeoutHandler(TimeProvider time, IOptions<GenesysCloudOptions> options)
    {
        _time = time;
        _timeout = options.Value.SocketTimeout;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, linked.Token).ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync(linked.Token).ConfigureAwait(false);
            return response;
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw new AttemptTimeoutException($"The attempt did not complete within SocketTimeout ({_timeout}).", ex);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }
}
