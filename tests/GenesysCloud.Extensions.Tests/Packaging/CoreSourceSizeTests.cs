namespace GenesysCloud.Extensions.Tests.Packaging;

/// <summary>Every Core file is small enough to read in one sitting: one concept per file.</summary>
public sealed class CoreSourceSizeTests
{
    [Fact]
    public void No_core_source_file_exceeds_350_lines()
    {
        var core = Path.Combine(RepositoryRoot(), "src", "GenesysCloud.Extensions.Core");

        var tooLong = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(core, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal))
            .Select(f => (File: f, Lines: File.ReadLines(Path.Combine(core, f)).Count()))
            .Where(f => f.Lines > 350)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();

        Assert.True(tooLong.Count == 0, string.Join("\n", tooLong));
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
