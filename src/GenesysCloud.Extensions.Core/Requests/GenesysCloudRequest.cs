using System.Buffers;
using System.Globalization;
using GenesysCloud.Extensions.Errors;

namespace GenesysCloud.Extensions.Requests;

/// <summary>
/// A Genesys Cloud Platform API call to queue with <see cref="IGenesysCloudClient.SendAsync"/>: an HTTP method,
/// a path template (<c>/api/v2/routing/queues/{queueId}</c>), path and query parameters, headers and a JSON body.
/// </summary>
/// <remarks>
/// Arguments are validated as they are added, so a bad call fails with <see cref="GenesysCloudArgumentException"/>
/// before anything is queued. Path parameter values are percent-encoded so that no value can change the shape
/// of the path; query arrays are sent as repeated keys, <see langword="null"/> values are omitted, dates are
/// ISO 8601 and booleans lowercase.
/// </remarks>
public sealed class GenesysCloudRequest
{
    private static readonly HashSet<string> SupportedMethods = new(StringComparer.Ordinal)
    {
        "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD",
    };

    private static readonly SearchValues<char> HeaderValueChars = SearchValues.Create("\t !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private readonly PathTemplate _template;
    private string?[]? _pathValues;
    private List<KeyValuePair<string, string>>? _query;
    private List<KeyValuePair<string, string>>? _headers;

    /// <summary>Initializes a new instance of the <see cref="GenesysCloudRequest"/> class.</summary>
    /// <param name="method">The HTTP method: GET, POST, PUT, PATCH, DELETE or HEAD.</param>
    /// <param name="pathTemplate">The path template, starting with <c>/api/v2/</c>.</param>
    /// <exception cref="GenesysCloudArgumentException">The method or the path template is invalid.</exception>
    public GenesysCloudRequest(HttpMethod method, string pathTemplate)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (!SupportedMethods.Contains(method.Method))
        {
            throw new GenesysCloudArgumentException(
                GenesysCloudErrorCodes.ApiCallMethodInvalid,
                $"The HTTP method '{method.Method}' is not supported; use GET, POST, PUT, PATCH, DELETE or HEAD.",
                nameof(method));
        }

        Method = method;
        _template = Requests.PathTemplate.Parse(pathTemplate);
    }

    /// <summary>Gets the HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>Gets the path template, for example <c>/api/v2/routing/queues/{queueId}</c>.</summary>
    public string PathTemplate => _template.Template;

    /// <summary>Gets the name of the call's span: the method and the path template.</summary>
    internal string SpanName => _template.SpanName(Method.Method);

    /// <summary>Gets or sets the API category (tag) for telemetry, for example <c>Routing</c>.</summary>
    public string? Category { get; set; }

    /// <summary>Gets or sets the operation id for telemetry, for example <c>getRoutingQueue</c>.</summary>
    public string? Operation { get; set; }

    /// <summary>Gets the JSON body, if any.</summary>
    public object? Body { get; private set; }

    /// <summary>Gets the declared type of <see cref="Body"/>.</summary>
    public Type? BodyType { get; private set; }

    /// <summary>
    /// Gets the media type of a body sent as-is (<see cref="WithTextBody"/>), for example <c>application/json</c>;
    /// <see langword="null"/> for a JSON body, which is serialized.
    /// </summary>
    public string? BodyContentType { get; private set; }

    /// <summary>Gets the query parameters in the order they were added (arrays expanded to repeated keys).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> QueryParameters =>
        (IReadOnlyList<KeyValuePair<string, string>>?)_query ?? [];

    /// <summary>Gets the extra headers.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers =>
        (IReadOnlyList<KeyValuePair<string, string>>?)_headers ?? [];

    /// <summary>Sets a path parameter named in the template.</summary>
    /// <param name="name">The placeholder's name, without braces.</param>
    /// <param name="value">The value: a string, or a number, <see cref="Guid"/>, date or other value formatted invariantly. It must not be empty.</param>
    /// <returns>This request.</returns>
    /// <exception cref="GenesysCloudArgumentException">The template has no such placeholder, or the value is null or empty.</exception>
    public GenesysCloudRequest WithPathParameter(string name, object value)
    {
        ArgumentNullException.ThrowIfNull(name);
        var index = _template.IndexOf(name);
        if (index < 0)
        {
            throw new GenesysCloudArgumentException(
                GenesysCloudErrorCodes.ApiCallPathParametersInvalid,
                $"The path template '{_template.Template}' has no parameter named '{name}'.",
                nameof(name));
        }

        var text = value is null ? null : ParameterFormatter.Format(value);
        if (string.IsNullOrEmpty(text))
        {
            throw new GenesysCloudArgumentException(
                GenesysCloudErrorCodes.ApiCallPathParametersInvalid,
                $"The path parameter '{name}' must not be null or empty.",
                name);
        }

        if (ParameterFormatter.HasUnpairedSurrogate(text))
        {
            throw new GenesysCloudArgumentException(
                GenesysCloudErrorCodes.ApiCallPathParametersInvalid,
                $"The path parameter '{name}' contains an unpaired UTF-16 surrogate: it has no UTF-8 form and would be sent as U+FFFD.",
                name);
        }

        if (Requests.PathTemplate.IsDotSegment(text))
        {
            throw new GenesysCloudArgumentException(
                GenesysCloudErrorCodes.ApiCallPathParametersInvalid,
                $"The path parameter '{name}' must not be '.' or '..': URI normalization would remove it from the path.",
                name);
        }

        _pathValues ??= new string?[_template.ParameterCount];
        _pathValues[index] = text;
        return this;
    }

    /// <summary>Adds a query parameter; <see langword="null"/> is omitted and a sequence becomes repeated keys.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="value">The value: string, number, boolean, date, enum-like value, or a sequence of them.</param>
    /// <returns>This request.</returns>
    public GenesysCloudRequest WithQueryParameter(string name, object? value)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new GenesysCloudArgumentException(
                GenesysCloudErrorCodes.ApiCallQueryParametersInvalid, "A query parameter name must not be null or empty.", nameof(name));
        }

        if (value is null)
        {
            return this;
        }

        _query ??= [];
        if (value is not string && value is System.Collections.IEnumerable sequence)
        {
            var start = _query.Count;
            foreach (var item in sequence)
            {
                if (item is not null)
                {
                    _query.Add(new(name, FormatQueryValue(name, item, start)));
                }
            }
        }
        else
        {
            _query.Add(new(name, FormatQueryValue(name, value, _query.Count)));
        }

        return this;
    }

    /// <summary>Adds a header. <c>Authorization</c> is reserved; values with CR or LF are rejected.</summary>
    /// <param name="name">The header's name.</param>
    /// <param name="value">The header's value; <see langword="null"/> is omitted.</param>
    /// <returns>This request.</returns>
    public GenesysCloudRequest WithHeader(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(name) || name.AsSpan().IndexOfAny(" \r\n:\t") >= 0)
        {
            throw new GenesysCloudArgumentException(
                GenesysCloudErrorCodes.ApiCallHeadersInvalid, $"'{name}' is not a valid header name.", nameof(name));
        }

        if (string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase))
        {
            throw new GenesysCloudArgumentException(
                GenesysCloudErrorCodes.ApiCallHeadersInvalid,
                "The Authorization header is reserved: the client attaches its own access token.",
                nameof(name));
        }

        if (value is null)
        {
            return this;
        }

        // Only what the wire carries: visible ASCII, space and tab. CR/LF would inject headers; other control and
        // non-ASCII characters make HttpClient fail at send time, which would be retried as a transport failure.
        if (value.AsSpan().IndexOfAnyExcept(HeaderValueChars) >= 0)
        {
            throw new GenesysCloudArgumentException(
                GenesysCloudErrorCodes.ApiCallHeadersInvalid,
                $"The value of header '{name}' contains CR, LF, NUL, another control character or a non-ASCII character; only visible ASCII, space and tab can be sent.",
                nameof(value));
        }

        _headers ??= [];
        _headers.Add(new(name, value));
        return this;
    }

    /// <summary>Sets the JSON body, serialized with <see cref="Serialization.GenesysCloudJson.Options"/> when the call runs.</summary>
    /// <typeparam name="T">The body's declared type.</typeparam>
    /// <param name="body">The body; <see langword="null"/> sends no body.</param>
    /// <returns>This request.</returns>
    public GenesysCloudRequest WithJsonBody<T>(T body)
    {
        Body = body;
        BodyType = body is null ? null : typeof(T);
        BodyContentType = null;
        return this;
    }

    /// <summary>
    /// Sets a body sent exactly as given (UTF-8), not serialized: for operations whose body is a string the server
    /// reads as sent (a JSON string would arrive quoted).
    /// </summary>
    /// <param name="body">The text; <see langword="null"/> sends no body.</param>
    /// <param name="contentType">Its media type, for example <c>application/json</c> or <c>text/plain</c>; <c>charset=utf-8</c> is added when absent.</param>
    /// <returns>This request.</returns>
    /// <exception cref="GenesysCloudArgumentException">The content type is empty or not a media type.</exception>
    public GenesysCloudRequest WithTextBody(string? body, string contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType) || contentType.IndexOf('/', StringComparison.Ordinal) <= 0 || contentType.AsSpan().IndexOfAny("\r\n") >= 0)
        {
            throw new GenesysCloudArgumentException(
                GenesysCloudErrorCodes.ApiCallHeadersInvalid, $"'{contentType}' is not a media type.", nameof(contentType));
        }

        Body = body;
        BodyType = body is null ? null : typeof(string);
        BodyContentType = body is null ? null
            : contentType.Contains("charset=", StringComparison.OrdinalIgnoreCase) ? contentType
            : contentType + "; charset=utf-8";
        return this;
    }

    /// <summary>Builds the relative URI (path and query) after checking that every path parameter was set.</summary>
    /// <returns>The relative URI, for example <c>api/v2/routing/queues/abc?pageSize=100</c>.</returns>
    /// <exception cref="GenesysCloudArgumentException">A path parameter is missing.</exception>
    public string BuildRelativeUri()
    {
        var path = _template.Expand(_pathValues);
        if (_query is null || _query.Count == 0)
        {
            return path;
        }

        var builder = new System.Text.StringBuilder(path, path.Length + (_query.Count * 24));
        for (var i = 0; i < _query.Count; i++)
        {
            builder.Append(i == 0 ? '?' : '&')
                .Append(Uri.EscapeDataString(_query[i].Key))
                .Append('=')
                .Append(Uri.EscapeDataString(_query[i].Value));
        }

        return builder.ToString();
    }

    private string FormatQueryValue(string name, object value, int rollbackTo)
    {
        var text = ParameterFormatter.Format(value);
        if (ParameterFormatter.HasUnpairedSurrogate(text) || ParameterFormatter.HasUnpairedSurrogate(name))
        {
            // Leave the request as it was before this call: a sequence is added whole or not at all.
            _query!.RemoveRange(rollbackTo, _query.Count - rollbackTo);
            throw new GenesysCloudArgumentException(
                GenesysCloudErrorCodes.ApiCallQueryParametersInvalid,
                $"The query parameter '{name}' contains an unpaired UTF-16 surrogate: it has no UTF-8 form and would be sent as U+FFFD.",
                name);
        }

        return text;
    }

    /// <summary>Checks that every path parameter was set, without building the URI (a queued call does not need it yet).</summary>
    /// <exception cref="GenesysCloudArgumentException">A path parameter is missing.</exception>
    internal void ThrowIfIncomplete() => _template.ThrowIfIncomplete(_pathValues);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Method.Method} {_template.Template}");
}
