namespace GenesysCloud.Extensions.Simulator.Organization;

/// <summary>Genesys's <c>name</c> filter: case-insensitive, with <c>*</c> at either end meaning "anything".</summary>
internal static class NameFilter
{
    public static bool Matches(string? name, string filter)
    {
        if (name is null)
        {
            return false;
        }

        var leading = filter.StartsWith('*');
        var trailing = filter.Length > 1 && filter.EndsWith('*');
        var core = filter.Trim('*');
        return (leading, trailing) switch
        {
            (true, true) => name.Contains(core, StringComparison.OrdinalIgnoreCase),
            (true, false) => name.EndsWith(core, StringComparison.OrdinalIgnoreCase),
            (false, true) => name.StartsWith(core, StringComparison.OrdinalIgnoreCase),
            _ => string.Equals(name, core, StringComparison.OrdinalIgnoreCase),
        };
    }
}
