using System.Collections.Concurrent;
using System.Text;
using GenesysCloud.Extensions.Errors;

namespace GenesysCloud.Extensions.Requests;

/// <summary>
/// A parsed, validated path template: literal segments and <c>{name}</c> placeholders, each a whole segment.
/// </summary>
internal sealed class PathTemplate
{
    private readonly string[] _segments;
    private readonly string[] _parameterNames;
    private readonly int[] _parameterSegment;
    private KeyValuePair<string, string>[] _spanNames = [];

    private PathTemplate(string template, string[] segments, string[] parameterNames, int[] parameterSegment)
    {
        Template = template;
        _segments = segments;
        _parameterNames = parameterNames;
        _parameterSegment = parameterSegment;
    }

    public string Template { get; }

    public int ParameterCount => _parameterNames.Length;

    /// <summary>Gets the name of a call's span, <c>{method} {template}</c>, made once per method (a template has one or two).</summary>
    public string SpanName(string method)
    {
        var names = Volatile.Read(ref _spanNames);
        foreach (var (known, name) in names)
        {
            if (ReferenceEquals(known, method) || string.Equals(known, method, StringComparison.Ordinal))
            {
                return name;
            }
        }

        var added = $"{method} {Template}";
        Volatile.Write(ref _spanNames, [.. names, new(method, added)]);
        return added;
    }

    // Parsed templates are immutable and shared: generated methods use a few thousand literal templates. The
    // bound keeps raw calls with ever-new literal paths from growing the cache without limit.
    private static readonly ConcurrentDictionary<string, PathTemplate> Cache = new(StringComparer.Ordinal);

    public static PathTemplate Parse(string template)
    {
        if (template is not null && Cache.TryGetValue(template, out var cached))
        {
            return cached;
        }

        var parsed = ParseCore(template);
        if (Cache.Count < 10_000)
        {
            Cache.TryAdd(template!, parsed);
        }

        return parsed;
    }

    private static PathTemplate ParseCore(string? template)
    {
        if (string.IsNullOrEmpty(template))
        {
            throw Invalid(template, "it is empty");
        }

        if (!template.StartsWith("/api/v2/", StringComparison.Ordinal))
        {
            throw Invalid(template, "it must start with '/api/v2/'");
        }

        var segments = template[1..].Split('/');
        var names = new List<string>();
        var positions = new List<int>();
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Length == 0)
            {
                throw Invalid(template, "it has an empty segment");
            }

            if (segment[0] == '{')
            {
                var name = segment[^1] == '}' ? segment[1..^1] : string.Empty;
                if (name.Length == 0 || !IsName(name))
                {
                    throw Invalid(template, $"the placeholder '{segment}' is not a valid parameter name");
                }

                if (names.Contains(name))
                {
                    throw Invalid(template, $"the placeholder '{segment}' appears twice");
                }

                names.Add(name);
                positions.Add(i);
            }
            else if (!IsLiteral(segment))
            {
                throw Invalid(template, $"the segment '{segment}' has characters a path segment cannot have");
            }
        }

        return new PathTemplate(template, segments, [.. names], [.. positions]);
    }

    public int IndexOf(string name) => Array.IndexOf(_parameterNames, name);

    /// <summary>Throws when a placeholder has no value in <paramref name="values"/>.</summary>
    public void ThrowIfIncomplete(string?[]? values)
    {
        for (var i = 0; i < _parameterNames.Length; i++)
        {
            if (values?[i] is null)
            {
                throw MissingParameter(i);
            }
        }
    }

    public string Expand(string?[]? values)
    {
        if (_parameterNames.Length == 0)
        {
            return Template[1..];
        }

        var builder = new StringBuilder(Template.Length + 32);
        var next = 0;
        for (var i = 0; i < _segments.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('/');
            }

            if (next < _parameterSegment.Length && _parameterSegment[next] == i)
            {
                var value = values?[next];
                if (value is null)
                {
                    throw MissingParameter(next);
                }

                AppendEncodedSegment(builder, value);
                next++;
            }
            else
            {
                builder.Append(_segments[i]);
            }
        }

        return builder.ToString();
    }

    private GenesysCloudArgumentException MissingParameter(int index) => new(
        GenesysCloudErrorCodes.ApiCallPathParametersInvalid,
        $"The path parameter '{_parameterNames[index]}' of '{Template}' was not set.",
        _parameterNames[index]);

    // Percent-encodes everything outside the unreserved set, so '/', '?', '#', '%', CR/LF and non-ASCII
    // cannot alter the path. (Values '.' and '..' are refused earlier: System.Uri decodes %2E and removes
    // dot-segments, so no encoding of them survives.)
    internal static void AppendEncodedSegment(StringBuilder builder, string value) =>
        builder.Append(Uri.EscapeDataString(value));

    internal static bool IsDotSegment(string value) => value is "." or "..";

    private static bool IsName(string name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-' && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLiteral(string segment)
    {
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or ':' or '@' or '!' or '$' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=')
            {
                continue;
            }

            if (c == '%' && i + 2 < segment.Length && char.IsAsciiHexDigit(segment[i + 1]) && char.IsAsciiHexDigit(segment[i + 2]))
            {
                i += 2;
                continue;
            }

            return false;
        }

        return segment is not "." and not "..";
    }

    private static GenesysCloudArgumentException Invalid(string? template, string reason) =>
        new(GenesysCloudErrorCodes.ApiCallPathInvalid, $"'{template}' is not a valid Genesys Cloud Platform API path template: {reason}.", "pathTemplate");
}
