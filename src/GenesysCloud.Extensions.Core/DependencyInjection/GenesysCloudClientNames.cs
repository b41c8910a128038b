using GenesysCloud.Extensions.Errors;

namespace GenesysCloud.Extensions.DependencyInjection;

/// <summary>The rules for client names, and the names derived from them (HTTP clients, the path in messages).</summary>
internal static class GenesysCloudClientNames
{
    /// <summary>The longest client name: it appears in metric attributes, HTTP client names and messages.</summary>
    public const int MaxLength = 64;

    /// <summary>
    /// Checks a client name: <see cref="string.Empty"/> is the unnamed client; other names are 1 to 64 ASCII letters,
    /// digits, '-', '_' or '.'.
    /// </summary>
    public static void Validate(string name, string parameterName)
    {
        if (name.Length == 0)
        {
            return;
        }

        if (name.Length > MaxLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new GenesysCloudArgumentException(
                GenesysCloudErrorCodes.ClientNameInvalid,
                $"'{Describe(name)}' is not a valid Genesys Cloud client name: use 1 to {MaxLength} ASCII letters, digits, '-', '_' or '.'.",
                parameterName);
        }
    }

    /// <summary>Checks the name of a named client: like <see cref="Validate"/>, and not empty.</summary>
    public static void ValidateNamed(string name, string parameterName)
    {
        if (name.Length == 0)
        {
            throw new GenesysCloudArgumentException(
                GenesysCloudErrorCodes.ClientNameInvalid,
                "A named Genesys Cloud client needs a name; the unnamed client is added with AddGenesysCloud(configuration).",
                parameterName);
        }

        Validate(name, parameterName);
    }

    public static string ApiHttpClient(string name) => name.Length == 0 ? "GenesysCloud" : $"GenesysCloud[{name}]";

    public static string LoginHttpClient(string name) => name.Length == 0 ? GenesysCloudCoreRegistration.LoginHttpClientName : $"GenesysCloud.OAuth[{name}]";

    /// <summary>The path option messages start with when a named client is configured by code, not a section.</summary>
    public static string CodePath(string name) => $"GenesysCloud({name})";

    private static string Describe(string name) => name.Length > MaxLength ? name[..MaxLength] + "…" : name;
}
