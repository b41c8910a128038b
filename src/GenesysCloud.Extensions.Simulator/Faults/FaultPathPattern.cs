using System.Text.RegularExpressions;
using GenesysCloud.Extensions.Simulator.Http;

namespace GenesysCloud.Extensions.Simulator.Faults;

/// <summary>Matches a request path against a fault's <see cref="SimulatorFault.Path"/>: any, regex, prefix or template.</summary>
internal sealed class FaultPathPattern
{
    private readonly Func<string, bool> _isMatch;

    private FaultPathPattern(Func<string, bool> isMatch) => _isMatch = isMatch;

    public static FaultPathPattern Parse(string? pattern)
    {
        if (string.IsNullOrEmpty(pattern) || pattern == "*")
        {
            return new FaultPathPattern(static _ => true);
        }

        if (pattern[0] == '^')
        {
            var regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return new FaultPathPattern(regex.IsMatch);
        }

        if (pattern[^1] == '*')
        {
            var prefix = pattern[..^1];
            return new FaultPathPattern(path => path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
        }

        var template = RouteTemplate.Parse(pattern);
        return new FaultPathPattern(path => template.Match(path) is not null);
    }

    public bool IsMatch(string path) => _isMatch(path);
}
