using System.Text.RegularExpressions;

namespace GenesysCloud.Extensions.Benchmarks.Cold;

/// <summary>
/// Reads a <c>DOTNET_JitStdOutFile</c> list (<c>DOTNET_JitDisasmSummary=1</c>) and counts what was compiled between
/// the roster's markers, by namespace; an instantiation of a framework generic over this library's types is
/// counted apart (<c>… &lt;over GenesysCloud types&gt;</c>), since that is what ReadyToRun cannot precompile.
/// </summary>
internal static partial class JitLogBreakdown
{
    public static IReadOnlyList<JitNamespaceCount> RosterByNamespace(string path)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var inRoster = false;
        foreach (var line in File.ReadLines(path))
        {
            var match = Compiled().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var method = match.Groups[1].Value;
            if (method.Contains(nameof(ColdStartProcess.RosterStarts), StringComparison.Ordinal))
            {
                inRoster = true;
                continue;
            }

            if (method.Contains(nameof(ColdStartProcess.RosterEnds), StringComparison.Ordinal))
            {
                break;
            }

            if (inRoster)
            {
                var key = Namespace(method);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new JitNamespaceCount(c.Key, c.Value))];
    }

    private static string Namespace(string method)
    {
        var type = method.Split(':')[0];
        if (type.StartsWith("(dynamicClass)", StringComparison.Ordinal))
        {
            return "(dynamicClass)";
        }

        var generic = type.IndexOfAny(['`', '[', '+']);
        var name = generic < 0 ? type : type[..generic];
        var parts = name.Split('.');
        var ns = string.Join('.', parts.Take(Math.Max(1, Math.Min(3, parts.Length - 1))));
        return !ns.StartsWith("GenesysCloud", StringComparison.Ordinal) && method.Contains("GenesysCloud.", StringComparison.Ordinal)
            ? ns + " <over GenesysCloud types>"
            : ns;
    }

    [GeneratedRegex(@"JIT compiled (.*?) \[")]
    private static partial Regex Compiled();
}
