using System.ComponentModel;

namespace GenesysCloud.Extensions.Api;

/// <summary>
/// Creates the API category implementations over a client: implemented by the generated surface of the
/// <c>GenesysCloud.Extensions</c> package, used by <see cref="IGenesysCloudClientFactory.GetApi{TApi}"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IGenesysCloudApiProvider
{
    /// <summary>Creates the implementation of <paramref name="apiType"/> over <paramref name="client"/>.</summary>
    /// <param name="apiType">A category interface such as <c>IRoutingApi</c>.</param>
    /// <param name="client">The client its calls go through.</param>
    /// <returns>The implementation, or <see langword="null"/> when <paramref name="apiType"/> is not a category interface.</returns>
    object? Create(Type apiType, IGenesysCloudClient client);
}
