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

        // Moq's proxies, and test and benchmark assemblies, none of which is shipped.
        Assert.Equal(
            ["DynamicProxyGenAssembly2", "GenesysCloud.Extensions.Benchmarks", "GenesysCloud.Extensions.Redis.Benchmarks", "GenesysCloud.Extensions.Redis.Tests", "GenesysCloud.Extensions.Tests"],
            friends);
        Assert.All(Directory.EnumerateDirectories(Path.Combine(RepositoryRoot(), "src")).Select(Path.GetFileName), package => Assert.DoesNotContain(package, friends));
    }

    [Fact]
    public void What_the_generated_package_uses_from_core_is_public()
    {
        Assert.True(typeof(GenesysCloudCoreServices).IsPublic);
        Assert.True(typeof(GenesysCloud.Extensions.Paging.GenesysCloudPaging).IsPublic);
        Assert.True(typeof(GenesysCloud.Extensions.Api.GenesysCloudApiInvoker).IsPublic);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GenesysCloud.Extensions.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (GenesysCloud.Extensions.sln) was not found.");
    }
}
