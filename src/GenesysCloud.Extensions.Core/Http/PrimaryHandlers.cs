using System.Net;

namespace GenesysCloud.Extensions.Http;

/// <summary>
/// Creates the network handlers of the client's two <see cref="HttpClient"/>s and disposes them with the container.
/// <c>IHttpClientFactory</c> keeps its active handlers — and their pooled connections — alive for the handler lifetime
/// even after the host is disposed, so without this a disposed host leaves its sockets open for minutes.
/// </summary>
internal sealed class PrimaryHandlers : IDisposable
{
    private readonly List<WeakReference<SocketsHttpHandler>> _handlers = [];
    private bool _disposed;

    // Redirects are not followed, so the Authorization header can never be forwarded to another host.
    public SocketsHttpHandler Create()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseCookies = false,
        };

        lock (_handlers)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _handlers.RemoveAll(static h => !h.TryGetTarget(out _));
            _handlers.Add(new WeakReference<SocketsHttpHandler>(handler));
        }

        return handler;
    }

    public void Dispose()
    {
        lock (_handlers)
        {
            _disposed = true;
            foreach (var reference in _handlers)
            {
                if (reference.TryGetTarget(out var handler))
                {
                    handler.Dispose();
                }
            }

            _handlers.Clear();
        }
    }
}
