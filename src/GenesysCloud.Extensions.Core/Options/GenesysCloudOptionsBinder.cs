using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Options.Validation;
using Microsoft.Extensions.Configuration;

namespace GenesysCloud.Extensions.Options;

/// <summary>
/// Binds <see cref="GenesysCloudOptions"/> from a configuration section without throwing: every public settable
/// property is read by its name (nested options by <c>RateLimiting:</c> and <c>Retry:</c>), and a value of the wrong type
/// becomes a failure — naming the key under the section actually bound, and the option's type-error code
/// (<see cref="OptionTypeErrorCodeAttribute"/>) — that start-up validation reports with the others.
/// </summary>
internal static class GenesysCloudOptionsBinder
{
    public static void Bind(IConfiguration section, GenesysCloudOptions options)
    {
        var path = section is IConfigurationSection s ? s.Path : GenesysCloudOptions.SectionName;
        options.SectionPath = path;
        BindObject(section, options, path, string.Empty, options.BindingErrors);
        BindObject(section, options.RateLimiting, path, "RateLimiting:", options.BindingErrors);
        BindObject(section, options.Retry, path, "Retry:", options.BindingErrors);
    }

    private static void BindObject<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(
        IConfiguration section, T target, string path, string prefix, List<string> errors)
        where T : class
    {
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanWrite || property.SetMethod is not { IsPublic: true })
            {
                continue;
            }

            var key = prefix + property.Name;
            if (section[key] is not { Length: > 0 } text)
            {
                continue;
            }

            if (TryParse(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, text, out var value, out var expected))
            {
                property.SetValue(target, value);
            }
            else
            {
                // A name outside an enum's members is out of its bounds; other unreadable text is a type error.
                var code = property.GetCustomAttribute<OptionTypeErrorCodeAttribute>()?.ErrorCode ??
                    (property.PropertyType.IsEnum ? GenesysCloudErrorCodes.OptionOutOfBounds : GenesysCloudErrorCodes.OptionTypeInvalid);
                var shown = property.Name.Contains("Secret", StringComparison.Ordinal) ? "(hidden)" : $"'{text}'";
                errors.Add($"{path}:{key} must be {expected}; the value {shown} is not. [{code}]");
            }
        }
    }

    private static bool TryParse(Type type, string text, out object? value, out string expected)
    {
        value = null;
        expected = string.Empty;
        switch (type)
        {
            case var t when t == typeof(string):
                value = text;
                return true;
            case var t when t == typeof(Uri):
                expected = "an absolute URI";
                value = Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
                return value is not null;
            case var t when t == typeof(TimeSpan):
                expected = "a duration in the form [d.]hh:mm:ss[.fff] (for example 00:01:00)";
                value = TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : null;
                return value is not null;
            case var t when t == typeof(int):
                expected = "an integer";
                value = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;
                return value is not null;
            case var t when t == typeof(long):
                expected = "an integer";
                value = long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null;
                return value is not null;
            case var t when t == typeof(bool):
                expected = "true or false";
                value = bool.TryParse(text, out var b) ? b : null;
                return value is not null;
            case { IsEnum: true } t:
                expected = $"one of {string.Join(", ", Enum.GetNames(t))}";
                value = !int.TryParse(text, out _) && Enum.TryParse(t, text, ignoreCase: true, out var e) && Enum.IsDefined(t, e!) ? e : null;
                return value is not null;
            default:
                expected = $"a {type.Name}";
                return false;
        }
    }
}
