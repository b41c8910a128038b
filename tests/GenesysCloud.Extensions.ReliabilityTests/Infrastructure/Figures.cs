using System.Globalization;
using Xunit.Abstractions;

namespace GenesysCloud.Extensions.ReliabilityTests.Infrastructure;

/// <summary>
/// Writes each scenario's figures to the test output and appends them to <c>reliability-figures.md</c> (in
/// <c>GC_RELIABILITY_FIGURES_DIR</c>, else the test's output directory), the source of docs/reliability.md.
/// </summary>
internal static class Figures
{
    private static readonly object Gate = new();

    public static void Record(ITestOutputHelper output, string scenario, string figures)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"| {scenario} | {figures} |");
        output.WriteLine(line);
        var directory = Environment.GetEnvironmentVariable("GC_RELIABILITY_FIGURES_DIR") is { Length: > 0 } dir ? dir : AppContext.BaseDirectory;
        lock (Gate)
        {
            File.AppendAllText(Path.Combine(directory, "reliability-figures.md"), line + Environment.NewLine);
        }
    }
}
