using GenesysCloud.Extensions.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GenesysCloud.Extensions.Jobs;

/// <summary>Registers the job helpers and their options (the <c>Jobs</c> sub-section of the client's section).</summary>
internal static class GenesysCloudJobsRegistration
{
    public static void AddGenesysCloudJobs(IServiceCollection services, IConfiguration? configuration)
    {
        var section = configuration?.GetSection("Jobs");
        var optionsBuilder = services.AddOptions<GenesysCloudJobOptions>();
        if (section is not null)
        {
            optionsBuilder.Bind(section);
        }

        if (services.Any(d => d.ServiceType == typeof(IAnalyticsJobRunner)))
        {
            // Called again: the configuration is added, nothing registered twice.
            return;
        }

        optionsBuilder.ValidateOnStart();
        var sectionPath = section?.Path ?? $"{GenesysCloudOptions.SectionName}:Jobs";
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GenesysCloudJobOptions>>(new GenesysCloudJobOptionsValidator(sectionPath)));
        services.TryAddSingleton<IAnalyticsJobRunner, AnalyticsJobRunner>();
    }
}
