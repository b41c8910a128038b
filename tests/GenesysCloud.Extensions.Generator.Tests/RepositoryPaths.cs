namespace GenesysCloud.Extensions.Generator.Tests;

/// <summary>Finds the repository root (the folder with the solution) and the shared spec beside it.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Gets <c>../shared/genesys-cloud-api/publicapi-v2.json</c> relative to the repository root.</summary>
    public static string SharedSpec => Path.GetFullPath(Path.Combine(Root, "..", "shared", "genesys-cloud-api", "publicapi-v2.json"));

    public static string GeneratedFolder => Path.Combine(Root, "src", "GenesysCloud.Extensions", "Generated");

    /// <summary>Gets <c>../shared/genesys-cloud-api/notification-topics.json</c> relative to the repository root.</summary>
    public static string SharedTopics => Path.GetFullPath(Path.Combine(Root, "..", "shared", "genesys-cloud-api", "notification-topics.json"));

    public static string NotificationsGeneratedFolder => Path.Combine(Root, "src", "GenesysCloud.Extensions.Notifications", "Generated");

    public static string Manifest => Path.Combine(GeneratedFolder, "api-manifest.json");

    /// <summary>Gets <c>docs/api/generated-surface.txt</c>, the listing of the generated public surface.</summary>
    public static string SurfaceListing => Path.Combine(Root, "docs", "api", "generated-surface.txt");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GenesysCloud.Extensions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No GenesysCloud.Extensions.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>A fact that is skipped, with the reason shown, when the shared spec copy is not beside the repository.</summary>
public sealed class SharedSpecFactAttribute : FactAttribute
{
    public SharedSpecFactAttribute()
    {
        if (!File.Exists(RepositoryPaths.SharedSpec))
        {
            Skip = $"The shared spec {RepositoryPaths.SharedSpec} is absent (clone the repository beside shared/ to run this test).";
        }
    }
}
