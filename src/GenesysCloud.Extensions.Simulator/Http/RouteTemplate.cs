namespace GenesysCloud.Extensions.Simulator.Http;

/// <summary>
/// A Genesys path template such as <c>/api/v2/routing/queues/{queueId}</c>: literal segments match literally
/// (case-insensitively) and <c>{name}</c> matches exactly one non-empty segment.
/// </summary>
internal sealed class RouteTemplate
{
    private readonly string?[] _literals;
    private readonly string?[] _parameters;

    private RouteTemplate(string template, string?[] literals, string?[] parameters)
    {
        Template = template;
        _literals = literals;
        _parameters = parameters;
    }

    /// <summary>Gets the template text.</summary>
    public string Template { get; }

    /// <summary>Gets the number of segments.</summary>
    public int SegmentCount => _literals.Length;

    public static RouteTemplate Parse(string template)
    {
        var segments = Split(template);
        var literals = new string?[segments.Length];
        var parameters = new string?[segments.Length];
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Length > 2 && segment[0] == '{' && segment[^1] == '}')
            {
                parameters[i] = segment[1..^1];
            }
            else
            {
                literals[i] = segment;
            }
        }

        return new RouteTemplate(template, literals, parameters);
    }

    /// <summary>Matches <paramref name="path"/> and returns the parameter values, or <see langword="null"/>.</summary>
    public Dictionary<string, string>? Match(string path)
    {
        var segments = Split(path);
        if (segments.Length != _literals.Length)
        {
            return null;
        }

        Dictionary<string, string>? values = null;
        for (var i = 0; i < segments.Length; i++)
        {
            if (_literals[i] is { } literal)
            {
                if (!string.Equals(literal, segments[i], StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
            }
            else
            {
                if (segments[i].Length == 0)
                {
                    return null;
                }

                values ??= new Dictionary<string, string>(StringComparer.Ordinal);
                values[_parameters[i]!] = Uri.UnescapeDataString(segments[i]);
            }
        }

        return values ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>
    /// Orders templates so the most specific wins: the first segment where one is literal and the other a parameter decides
    /// (so <c>/users/query</c> beats <c>/users/{userId}</c>).
    /// </summary>
    public static int CompareSpecificity(RouteTemplate x, RouteTemplate y)
    {
        var length = Math.Min(x._literals.Length, y._literals.Length);
        for (var i = 0; i < length; i++)
        {
            var xLiteral = x._literals[i] is not null;
            var yLiteral = y._literals[i] is not null;
            if (xLiteral != yLiteral)
            {
                return xLiteral ? -1 : 1;
            }
        }

        return 0;
    }

    public override string ToString() => Template;

    private static string[] Split(string path) => path.Trim('/').Split('/');
}
