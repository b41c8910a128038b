using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;

namespace GenesysCloud.Extensions.Http;

/// <summary>
/// The headers of a <see cref="Requests.GenesysCloudResponse"/>: the response and content headers as received, copied
/// into a case-insensitive dictionary only when first read — most typed calls never read them, and the copy (an array per
/// header) was a good part of what a call allocated.
/// </summary>
internal sealed class ResponseHeaders : IReadOnlyDictionary<string, IReadOnlyList<string>>
{
    private readonly HttpResponseHeaders _response;
    private readonly HttpContentHeaders _content;
    private Dictionary<string, IReadOnlyList<string>>? _copy;

    public ResponseHeaders(HttpResponseHeaders response, HttpContentHeaders content)
    {
        _response = response;
        _content = content;
    }

    public int Count => Copy.Count;

    public IEnumerable<string> Keys => Copy.Keys;

    public IEnumerable<IReadOnlyList<string>> Values => Copy.Values;

    private Dictionary<string, IReadOnlyList<string>> Copy => _copy ?? Interlocked.CompareExchange(ref _copy, Create(), null) ?? _copy;

    public IReadOnlyList<string> this[string key] => Copy[key];

    public bool ContainsKey(string key) => Copy.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out IReadOnlyList<string> value) => Copy.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator() => Copy.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Dictionary<string, IReadOnlyList<string>> Create()
    {
        var copy = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        Add(copy, _response);
        Add(copy, _content);
        return copy;
    }

    private static void Add(Dictionary<string, IReadOnlyList<string>> copy, HttpHeaders headers)
    {
        foreach (var (name, values) in headers.NonValidated)
        {
            copy[name] = [.. values];
        }
    }
}
