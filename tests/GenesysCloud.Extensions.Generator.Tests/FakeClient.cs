using System.Net;
using System.Text;
using GenesysCloud.Extensions.Requests;
using Moq;

namespace GenesysCloud.Extensions.Generator.Tests;

/// <summary>An <see cref="IGenesysCloudClient"/> (Moq) that records requests and answers with canned JSON bodies.</summary>
internal sealed class FakeClient
{
    private readonly Queue<string> _bodies = new();

    public FakeClient()
    {
        var mock = new Mock<IGenesysCloudClient>(MockBehavior.Strict);
        mock.Setup(c => c.SendAsync(It.IsAny<GenesysCloudRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((GenesysCloudRequest request, CancellationToken _) =>
            {
                Requests.Add(request);
                var body = _bodies.Count > 0 ? _bodies.Dequeue() : string.Empty;
                return new GenesysCloudResponse(
                    HttpStatusCode.OK,
                    new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase),
                    Encoding.UTF8.GetBytes(body),
                    body.Length == 0 ? null : "application/json");
            });
        Client = mock.Object;
    }

    public IGenesysCloudClient Client { get; }

    public List<GenesysCloudRequest> Requests { get; } = [];

    public FakeClient Respond(params string[] bodies)
    {
        foreach (var body in bodies)
        {
            _bodies.Enqueue(body);
        }

        return this;
    }

    /// <summary>Creates the internal implementation of a category interface, e.g. <c>IRoutingApi</c> → <c>RoutingApi</c>.</summary>
    public T Api<T>()
        where T : class
    {
        var implementation = typeof(T).Assembly.GetType($"{typeof(T).Namespace}.{typeof(T).Name[1..]}", throwOnError: true)!;
        return (T)Activator.CreateInstance(implementation, Client)!;
    }
}
