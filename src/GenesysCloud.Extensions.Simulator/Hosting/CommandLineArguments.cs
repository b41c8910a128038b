using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using GenesysCloud.Extensions.Simulator.Catalog;

namespace GenesysCloud.Extensions.Simulator.Hosting;

/// <summary>Parses the standalone program's flags into options (by hand: a handful of flags needs no package).</summary>
internal static class CommandLineArguments
{
    public const string Usage = """
        Usage: GenesysCloud.Extensions.Simulator [options]
          --port <n>               Loopback port (default 0: a free port)
          --client-id <id>         Accepted OAuth client id
          --client-secret <secret> Accepted OAuth client secret
          --token-lifetime <s>     Access token lifetime in seconds (default 86400)
          --rate-limit <n>         API requests per token per window; 0 = unlimited (default 300)
          --rate-window <s>        API rate-limit window in seconds (default 60)
          --token-rate-limit <n>   Token requests per client per window; 0 = unlimited (default 300)
          --token-rate-window <s>  Token rate-limit window in seconds (default 60)
          --token-throttle <style> genesys (400 invalid_request, default) or 429
          --latency <ms|min-max>   Added latency in milliseconds, fixed (100) or uniform (50-150)
          --seed <n>               Seed of the organization, latency and random faults (default 42)
          --queues <n>             Seeded routing queues (default 40)
          --max-members <n>        Largest member count of a seeded queue (default 250)
          --users <n>              Seeded users (default 500)
          --code-client <id>:<secret>:<redirect-uri>
                                   Add a code-authorization client (repeatable)
          --pkce-client <id>:<redirect-uri>
                                   Add a public PKCE client (repeatable)
          --saml-client <id>:<secret>
                                   Add a SAML2-bearer client (repeatable)
          --saml-idp <certificate-file>,<issuer>
                                   Trust a SAML identity provider (PEM or DER certificate; repeatable)
          --analytics-job-duration <s>
                                   How long an analytics details job takes (default 5)
          --org <name>             Start another organization: the organization flags after it (credentials, limits,
                                   seed, sizes, clients, --port for a host of its own) apply to it
          --catalog <dir>          Answer other operations from <dir>/api-manifest.json and <dir>/api-schemas.json
                                   (default: the catalog embedded at build time, if any)
          --verbose                Log every request
          --help                   Show this help
        """;

    /// <summary>Parses <paramref name="args"/>; throws <see cref="FormatException"/> with a readable message on a bad flag.</summary>
    public static (GenesysCloudSimulatorOptions Options, bool Verbose, bool Help) Parse(IReadOnlyList<string> args)
    {
        var options = new GenesysCloudSimulatorOptions();
        SimulatorOrganizationSettings organization = options;
        var verbose = false;
        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            switch (flag)
            {
                case "--help" or "-h" or "-?":
                    return (options, verbose, true);
                case "--verbose":
                    verbose = true;
                    continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new FormatException($"The flag {flag} needs a value.");
            }

            var value = args[++i];
            switch (flag)
            {
                case "--org":
                    var added = new SimulatorOrganizationOptions(value);
                    options.Organizations.Add(added);
                    organization = added;
                    break;
                case "--port" when organization is SimulatorOrganizationOptions other: other.Port = ParseInt(flag, value); break;
                case "--port": options.Port = ParseInt(flag, value); break;
                case "--client-id": organization.ClientId = value; break;
                case "--client-secret": organization.ClientSecret = value; break;
                case "--token-lifetime": organization.TokenLifetime = TimeSpan.FromSeconds(ParseDouble(flag, value)); break;
                case "--rate-limit": organization.RateLimit = ParseInt(flag, value); break;
                case "--rate-window": organization.RateWindow = TimeSpan.FromSeconds(ParseDouble(flag, value)); break;
                case "--token-rate-limit": organization.TokenRateLimit = ParseInt(flag, value); break;
                case "--token-rate-window": organization.TokenRateWindow = TimeSpan.FromSeconds(ParseDouble(flag, value)); break;
                case "--code-client":
                    var (codeId, codeSecret, redirect) = Split3(flag, value);
                    organization.OAuthClients.Add(SimulatorOAuthClient.AuthorizationCode(codeId, codeSecret, redirect));
                    break;
                case "--pkce-client":
                    var (pkceId, pkceRedirect) = Split2(flag, value, ':');
                    organization.OAuthClients.Add(SimulatorOAuthClient.Pkce(pkceId, pkceRedirect));
                    break;
                case "--saml-client":
                    var (samlId, samlSecret) = Split2(flag, value, ':');
                    organization.OAuthClients.Add(SimulatorOAuthClient.Saml2Bearer(samlId, samlSecret));
                    break;
                case "--saml-idp":
                    var (certificate, issuer) = Split2(flag, value, ',');
                    organization.IdentityProviders.Add(new SimulatorIdentityProvider(issuer, X509CertificateLoader.LoadCertificateFromFile(certificate)));
                    break;
                case "--analytics-job-duration": organization.AnalyticsJobDuration = TimeSpan.FromSeconds(ParseDouble(flag, value)); break;
                case "--token-throttle":
                    organization.TokenThrottleResponse = value switch
                    {
                        "genesys" or "400" => TokenThrottleResponse.GenesysBadRequest,
                        "429" => TokenThrottleResponse.TooManyRequests,
                        _ => throw new FormatException($"--token-throttle must be genesys or 429, not {value}."),
                    };
                    break;
                case "--latency":
                    var (min, max) = ParseLatency(value);
                    options.MinLatency = min;
                    options.MaxLatency = max;
                    break;
                case "--seed": organization.Seed = ParseInt(flag, value); break;
                case "--queues": organization.QueueCount = ParseInt(flag, value); break;
                case "--max-members": organization.MaxMembersPerQueue = ParseInt(flag, value); break;
                case "--users": organization.UserCount = ParseInt(flag, value); break;
                case "--catalog":
                    options.Catalog = SimulatorCatalog.LoadFromFiles(Path.Combine(value, "api-manifest.json"), Path.Combine(value, "api-schemas.json"));
                    break;
                default: throw new FormatException($"Unknown flag {flag}.");
            }
        }

        return (options, verbose, false);
    }

    /// <summary>Reads <c>100</c> (fixed) or <c>50-150</c> (uniform range), in milliseconds.</summary>
    public static (TimeSpan Min, TimeSpan Max) ParseLatency(string value)
    {
        var dash = value.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            var fixedLatency = TimeSpan.FromMilliseconds(ParseDouble("--latency", value));
            return (fixedLatency, fixedLatency);
        }

        var min = TimeSpan.FromMilliseconds(ParseDouble("--latency", value[..dash]));
        var max = TimeSpan.FromMilliseconds(ParseDouble("--latency", value[(dash + 1)..]));
        return max < min ? throw new FormatException($"--latency range {value} ends before it starts.") : (min, max);
    }

    private static (string First, string Second) Split2(string flag, string value, char separator)
    {
        var at = value.IndexOf(separator, StringComparison.Ordinal);
        return at > 0 && at < value.Length - 1 ? (value[..at], value[(at + 1)..]) : throw new FormatException($"{flag} needs two parts separated by '{separator}', not {value}.");
    }

    private static (string Id, string Secret, string Remainder) Split3(string flag, string value)
    {
        var (id, rest) = Split2(flag, value, ':');
        var (secret, redirect) = Split2(flag, rest, ':');
        return (id, secret, redirect);
    }

    private static int ParseInt(string flag, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result) && result >= 0
            ? result
            : throw new FormatException($"{flag} must be a non-negative integer, not {value}.");

    private static double ParseDouble(string flag, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var result) && result >= 0
            ? result
            : throw new FormatException($"{flag} must be a non-negative number, not {value}.");
}
