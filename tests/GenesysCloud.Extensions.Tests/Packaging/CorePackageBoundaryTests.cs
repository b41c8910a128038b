using System.Reflection;
using System.Runtime.CompilerServices;
using GenesysCloud.Extensions.Infrastructure;

namespace GenesysCloud.Extensions.Tests.Packaging;

/// <summary>
/// Core is a package of its own: it opens its internals to no other shipped package, and what the generated package
/// needs from it is public plumbing.
/// </summary>
public sealed class CorePackageBoundaryTests
{
    private static readonly Assembly Core = typeof(GenesysCloudCoreServices).Assembly;

    [Fact]
    public void Core_opens_its_internals_only_to_test_and_benchmark_assemblies()
    {
        var friends = Core.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["DynamicProxyGenAssembly2", "GenesysCloud.Extensions.Benchmarks", "GenesysCloud.Extensions.Tests"], friends);
    }

    [Fact]
    public void What_the_generated_package_uses_from_core_is_public()
    {
        Assert.True(typeof(GenesysCloudCoreServices).IsPublic);
        Assert.True(typeof(GenesysCloud.Extensions.Paging.GenesysCloudPaging).IsPublic);
        Assert.True(typeof(GenesysCloud.Extensions.Api.GenesysCloudApiInvoker).IsPublic);
    }
}
