using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using GenesysCloud.Extensions.Simulator.Hosting;
using Microsoft.Extensions.Logging;

namespace GenesysCloud.Extensions.Simulator;

/// <summary>The standalone simulator: <c>dotnet run --project src/GenesysCloud.Extensions.Simulator -- --port 5080</c>.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        InheritedSignalDisposition.RestoreInterruptAndQuit();
        GenesysCloudSimulatorOptions options;
        bool verbose;
        try
        {
            (options, verbose, var help) = CommandLineArguments.Parse(args);
            if (help)
            {
                Console.WriteLine(CommandLineArguments.Usage);
                return 0;
            }
        }
        catch (Exception exception) when (exception is FormatException or IOException or UnauthorizedAccessException or InvalidDataException or JsonException or CryptographicException)
        {
            await Console.Error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            await Console.Error.WriteLineAsync(CommandLineArguments.Usage).ConfigureAwait(false);
            return 2;
        }

        using var loggerFactory = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(console => console.SingleLine = true)
            .SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning));
        options.LoggerFactory = loggerFactory;

        // SIGINT (Ctrl+C), SIGTERM (docker stop, kill, CI scripts) and SIGQUIT all stop the simulator cleanly with exit code 0.
        // A registration replaces the runtime's default handling, which would end the process before the server is disposed.
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnStopSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnStopSignal);
        using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, OnStopSignal);

        void OnStopSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }

        GenesysCloudSimulator simulator;
        try
        {
            simulator = await GenesysCloudSimulator.StartAsync(options).ConfigureAwait(false);
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return 2;
        }

        await using var running = simulator.ConfigureAwait(false);
        Console.WriteLine("Genesys Cloud simulator");
        foreach (var organization in simulator.Organizations)
        {
            if (organization != simulator.DefaultOrganization)
            {
                Console.WriteLine($"Organization {organization.Name}");
            }

            Console.WriteLine($"  API base address:   {organization.ApiBaseAddress}");
            Console.WriteLine($"  Login base address: {organization.LoginBaseAddress}");
            Console.WriteLine($"  Token endpoint:     {new Uri(organization.LoginBaseAddress, "oauth/token")}");
            Console.WriteLine($"  Client id:          {organization.ClientId}");
            Console.WriteLine($"  Client secret:      {organization.ClientSecret}");
            foreach (var client in organization.OAuthClients)
            {
                Console.WriteLine($"  {client.Grant} client: {client.ClientId}{(client.RedirectUris.Count > 0 ? " -> " + string.Join(" ", client.RedirectUris) : string.Empty)}");
            }

            if (organization.OAuthClients.Count > 0)
            {
                Console.WriteLine($"  Authorize:          {new Uri(organization.LoginBaseAddress, "oauth/authorize")}");
                Console.WriteLine($"  SAML issuer:        {organization.BuiltInIssuer}");
            }
        }

        Console.WriteLine($"  Control API:        {new Uri(simulator.ApiBaseAddress, "_simulator/stats")}");
        Console.WriteLine("Press Ctrl+C to stop.");
        await stop.Task.ConfigureAwait(false);
        Console.WriteLine("Stopping.");
        return 0;
    }
}
