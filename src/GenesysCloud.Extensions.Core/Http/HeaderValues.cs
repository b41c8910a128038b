using System.Net.Http.Headers;

namespace GenesysCloud.Extensions.Http;

/// <summary>
/// Reads header values as received, through <see cref="HttpHeaders.NonValidated"/>: no parsing and no array per read,
/// which the validated <c>TryGetValues</c> and enumeration cost on every response.
/// </summary>
internal static class HeaderValues
{
    /// <summary>Gets the first value of header <paramref name="name"/>, or <see langword="null"/> when absent.</summary>
    public static string? First(HttpHeaders headers, string name)
    {
        if (!headers.NonValidated.TryGetValues(name, out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            return value;
        }

        return null;
    }

    /// <summary>Copies every header of <paramref name="source"/> to <paramref name="target"/> as received.</summary>
    public static void CopyTo(HttpHeaders source, HttpHeaders target)
    {
        foreach (var (name, values) in source.NonValidated)
        {
            if (values.Count == 1)
            {
                target.TryAddWithoutValidation(name, values.ToString());
            }
            else
            {
                target.TryAddWithoutValidation(name, values);
            }
        }
    }
}
