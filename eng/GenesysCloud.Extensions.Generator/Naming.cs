using System.Globalization;
using System.Text;

namespace GenesysCloud.Extensions.Generator;

/// <summary>The naming rules: how spec names become C# identifiers.</summary>
internal static class Naming
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>
    /// PascalCase from any text: words are split at every character that is not an ASCII letter or digit, each
    /// word's first letter is upper-cased and the rest kept (<c>Telephony Providers Edge</c> →
    /// <c>TelephonyProvidersEdge</c>, <c>Speech &amp; Text Analytics</c> → <c>SpeechTextAnalytics</c>,
    /// <c>SCIM</c> → <c>SCIM</c>, <c>$ref</c> → <c>Ref</c>). A leading digit gets a <c>_</c> prefix.
    /// </summary>
    public static string Pascal(string text)
    {
        var builder = new StringBuilder(text.Length);
        var upperNext = true;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }

        if (builder.Length == 0)
        {
            return "_";
        }

        return char.IsAsciiDigit(builder[0]) ? "_" + builder : builder.ToString();
    }

    /// <summary>camelCase (the <see cref="Pascal"/> words, first letter lower-cased), keyword-escaped.</summary>
    public static string Camel(string text)
    {
        var pascal = Pascal(text);
        var camel = pascal[0] == '_' ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    /// <summary>The identifier without a keyword escape, for <c>nameof</c>-like uses in messages.</summary>
    public static string Unescaped(string identifier) => identifier.StartsWith('@') ? identifier[1..] : identifier;

    /// <summary>A C# string literal.</summary>
    public static string Literal(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Text for an XML doc comment: markup characters escaped, whitespace tidied, lines kept.</summary>
    public static string Xml(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n')
            .Select(l => l.Trim())
            .ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        var joined = string.Join('\n', lines);
        var builder = new StringBuilder(joined.Length);
        foreach (var c in joined)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                default:
                    if (!char.IsControl(c) || c == '\n')
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Returns <paramref name="name"/>, or it with the smallest numeric suffix not in <paramref name="taken"/>; adds it.</summary>
    public static string Unique(string name, ISet<string> taken)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = name + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
