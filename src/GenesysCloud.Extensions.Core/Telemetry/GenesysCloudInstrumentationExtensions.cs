using GenesysCloud.Extensions.Telemetry;

namespace OpenTelemetry.Metrics
{
    /// <summary>Adds the Genesys Cloud client's metrics to an OpenTelemetry meter provider.</summary>
    public static class GenesysCloudMeterProviderBuilderExtensions
    {
        /// <summary>Subscribes to the <c>GenesysCloud.Extensions</c> meter.</summary>
        /// <param name="builder">The meter provider builder.</param>
        /// <returns>The builder.</returns>
        public static MeterProviderBuilder AddGenesysCloudInstrumentation(this MeterProviderBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            return builder.AddMeter(GenesysCloudTelemetryNames.SourceName);
        }
    }
}

namespace OpenTelemetry.Trace
{
    /// <summary>Adds the Genesys Cloud client's spans to an OpenTelemetry tracer provider.</summary>
    public static class GenesysCloudTracerProviderBuilderExtensions
    {
        /// <summary>Subscribes to the <c>GenesysCloud.Extensions</c> activity source.</summary>
        /// <param name="builder">The tracer provider builder.</param>
        /// <returns>The builder.</returns>
        public static TracerProviderBuilder AddGenesysCloudInstrumentation(this TracerProviderBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            return builder.AddSource(GenesysCloudTelemetryNames.SourceName);
        }
    }
}
