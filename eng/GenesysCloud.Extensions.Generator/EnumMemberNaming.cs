using System.Text;
using System.Text.Json;

namespace GenesysCloud.Extensions.Generator;

/// <summary>
/// Names enum members readably when the wire value is upper case: <c>OFFQUEUE</c> → <c>OffQueue</c>,
/// <c>NOT_RESPONDING</c> → <c>NotResponding</c>, <c>ACD</c> → <c>Acd</c>. An upper-case word is split into the
/// fewest words of a vocabulary taken from the spec's own mixed-case names (property and definition names,
/// mixed-case enum values), so the result follows the API's vocabulary and is deterministic; a word the vocabulary
/// cannot cover whole is capitalized (<c>XYZZY</c> → <c>Xyzzy</c>). Mixed-case words keep their case. The wire value is
/// never changed: only the C# member name.
/// </summary>
internal sealed class EnumMemberNaming
{
    private const int MaxWordLength = 24;
    private readonly HashSet<string> _vocabulary;

    public EnumMemberNaming(IEnumerable<string> vocabulary) => _vocabulary = new HashSet<string>(vocabulary, StringComparer.Ordinal);

    /// <summary>Builds the vocabulary from every definition: its name, its property names and its mixed-case enum values.</summary>
    public static EnumMemberNaming FromDefinitions(IReadOnlyDictionary<string, JsonElement> definitions)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, schema) in definitions)
        {
            AddWords(name, words);
            Collect(schema, words, depth: 0);
        }

        return new EnumMemberNaming(words);
    }

    /// <summary>The member name for a wire value.</summary>
    public string Name(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var word in SplitAtSeparators(value))
        {
            if (word.Any(char.IsAsciiLetterLower) || !word.Any(char.IsAsciiLetterUpper))
            {
                builder.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
            }
            else
            {
                builder.Append(Segment(word.ToLowerInvariant()));
            }
        }

        if (builder.Length == 0)
        {
            return "_";
        }

        return char.IsAsciiDigit(builder[0]) ? "_" + builder : builder.ToString();
    }

    private string Segment(string lower)
    {
        // best[i]: fewest vocabulary words (digit runs count as words) covering lower[..i]; from[i]: where its last word starts.
        var best = new int[lower.Length + 1];
        var from = new int[lower.Length + 1];
        Array.Fill(best, int.MaxValue);
        best[0] = 0;
        for (var end = 1; end <= lower.Length; end++)
        {
            for (var start = Math.Max(0, end - MaxWordLength); start < end; start++)
            {
                if (best[start] == int.MaxValue || best[start] + 1 >= best[end])
                {
                    continue;
                }

                var piece = lower[start..end];
                if (piece.All(char.IsAsciiDigit) || (piece.Length > 1 && _vocabulary.Contains(piece)))
                {
                    best[end] = best[start] + 1;
                    from[end] = start;
                }
            }
        }

        if (best[lower.Length] == int.MaxValue)
        {
            return char.ToUpperInvariant(lower[0]) + lower[1..];
        }

        var parts = new List<string>();
        for (var end = lower.Length; end > 0; end = from[end])
        {
            parts.Add(lower[from[end]..end]);
        }

        parts.Reverse();
        return string.Concat(parts.Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static IEnumerable<string> SplitAtSeparators(string value)
    {
        var start = -1;
        for (var i = 0; i <= value.Length; i++)
        {
            var letterOrDigit = i < value.Length && char.IsAsciiLetterOrDigit(value[i]);
            if (letterOrDigit && start < 0)
            {
                start = i;
            }
            else if (!letterOrDigit && start >= 0)
            {
                yield return value[start..i];
                start = -1;
            }
        }
    }

    private static void Collect(JsonElement schema, HashSet<string> words, int depth)
    {
        if (depth > 8 || schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                AddWords(property.Name, words);
                Collect(property.Value, words, depth + 1);
            }
        }

        if (schema.TryGetProperty("items", out var items))
        {
            Collect(items, words, depth + 1);
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            foreach (var value in values.EnumerateArray())
            {
                if (value.ValueKind == JsonValueKind.String && value.GetString()!.Any(char.IsAsciiLetterLower))
                {
                    AddWords(value.GetString()!, words);
                }
            }
        }
    }

    // Words of a camelCase, PascalCase or separated name, lower-cased: "offQueueTime" → off, queue, time. Upper-case
    // runs are skipped (they are what needs splitting), so are single letters.
    private static void AddWords(string name, HashSet<string> words)
    {
        var i = 0;
        while (i < name.Length)
        {
            if (!char.IsAsciiLetter(name[i]))
            {
                i++;
                continue;
            }

            var start = i;
            i++;
            if (char.IsAsciiLetterUpper(name[start]) && i < name.Length && char.IsAsciiLetterUpper(name[i]))
            {
                while (i < name.Length && char.IsAsciiLetterUpper(name[i]))
                {
                    i++;
                }

                continue;
            }

            while (i < name.Length && char.IsAsciiLetterLower(name[i]))
            {
                i++;
            }

            if (i - start > 1)
            {
                words.Add(name[start..i].ToLowerInvariant());
            }
        }
    }
}
