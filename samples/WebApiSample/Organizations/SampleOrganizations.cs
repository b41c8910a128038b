using GenesysCloud.Extensions.Options;
using WebApiSample.Simulator;

namespace WebApiSample.Organizations;

/// <summary>
/// The customer orgs the sample serves besides its own: one named client per child of the <c>Orgs</c> section
/// (<c>Orgs:fabrikam:ClientId</c>, <c>Orgs:fabrikam:ClientSecret</c>, <c>Orgs:fabrikam:Region</c>, …), each with its own
/// token, rate budget, health entry and keyed API interfaces. With the embedded simulator and no <c>Orgs</c> configured,
/// a second simulated org, <c>fabrikam</c>, stands in for a customer's.
/// </summary>
internal static class SampleOrganizations
{
    /// <summary>The configuration section listing the other orgs.</summary>
    public const string SectionName = "Orgs";

    /// <summary>The simulated customer org of the embedded simulator.</summary>
    public const string EmbeddedOrganization = "fabrikam";

    /// <summary>The route value that names the sample's own (unnamed) client.</summary>
    public const string DefaultRouteName = "default";

    public static IServiceCollection AddSampleOrganizations(this IServiceCollection services, IConfiguration configuration)
    {
        var orgs = configuration.GetSection(SectionName).GetChildren().ToList();
        foreach (var org in orgs)
        {
            services.AddGenesysCloud(org.Key, org);
        }

        if (orgs.Count == 0 && EmbeddedSimulator.IsEnabledFor(configuration))
        {
            services.AddGenesysCloud(EmbeddedOrganization, static _ => { });
            services.AddOptions<GenesysCloudOptions>(EmbeddedOrganization)
                .PostConfigure<EmbeddedSimulator>(static (options, simulator) => simulator.Apply(options, EmbeddedOrganization));
        }

        return services;
    }

    /// <summary>Maps a route value to a client name: <c>default</c> is the sample's own client.</summary>
    public static string ClientName(string org) =>
        string.Equals(org, DefaultRouteName, StringComparison.OrdinalIgnoreCase) ? string.Empty : org;
}
