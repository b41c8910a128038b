namespace GenesysCloud.Extensions.ReliabilityTests.Infrastructure;

/// <summary>
/// Counts the client's requests that are on the wire (innermost handler: sent, response not yet fully read), so the
/// fake-clock driver can wait until every one of them is parked on the simulator's clock before advancing time.
/// </summary>
internal sealed class NetworkGauge
{
    private int _onTheWire;

    public int OnTheWire => Volatile.Read(ref _onTheWire);

    public DelegatingHandler CreateHandler() => new Handler(this);

    private sealed class Handler(NetworkGauge gauge) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref gauge._onTheWire);
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                return response;
            }
            finally
            {
                Interlocked.Decrement(ref gauge._onTheWire);
            }
        }
    }
}
