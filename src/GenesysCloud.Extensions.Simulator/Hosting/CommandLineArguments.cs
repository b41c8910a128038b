using System.Globalization;
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
          --catalog <dir>          Answer other operations from <dir>/api-manifest.json and <dir>/api-schemas.json
                                   (default: the catalog embedded at build time, if any)
          --verbose                Log every request
          --help                   Show this help
        """;

    /// <summary>Parses <paramref name="args"/>; throws <see cref="FormatException"/> with a readable message on a bad flag.</summary>
    public static (GenesysCloudSimulatorOptions Options, bool Verbose, bool Help) Parse(IReadOnlyList<string> args)
    {
        var options = new GenesysCloudSimulatorOptions();
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
                case "--port": options.Port = ParseInt(flag, value); break;
                case "--client-id": options.ClientId = value; break;
                case "--client-secret": options.ClientSecret = value; break;
                case "--token-lifetime": options.TokenLifetime = TimeSpan.FromSeconds(ParseDouble(flag, value)); break;
                case "--rate-limit": options.RateLimit = ParseInt(flag, value); break;
                case "--rate-window": options.RateWindow = TimeSpan.FromSeconds(ParseDouble(flag, value)); break;
                case "--token-rate-limit": options.TokenRateLimit = ParseInt(flag, value); break;
                case "--token-rate-window": options.TokenRateWindow = TimeSpan.FromSeconds(ParseDouble(flag, value)); break;
                case "--token-throttle":
                    options.TokenThrottleResponse = value switch
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
                case "--seed": options.Seed = ParseInt(flag, value); break;
                case "--queues": options.QueueCount = ParseInt(flag, value); break;
                case "--max-members": options.MaxMembersPerQueue = ParseInt(flag, value); break;
                case "--users": options.UserCount = ParseInt(flag, value); break;
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

    private static int ParseInt(string flag, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result) && result >= 0
            ? result
            : throw new FormatException($"{flag} must be a non-negative integer, not {value}.");

    private static double ParseDouble(string flag, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var result) && result >= 0
            ? result
            : throw new FormatException($"{flag} must be a non-negative number, not {value}.");
}
