using GenesysCloud.Extensions.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace GenesysCloud.Extensions.Tests.Readme;

/// <summary>The README's quick start, compiled here; <see cref="ReadmeTests"/> checks that the README shows exactly this code.</summary>
internal static class QuickStart
{
    public static WebApplication Build(string[] args)
    {
        // README:quickstart:begin
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddGenesysCloud(builder.Configuration.GetSection("GenesysCloud"));
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddGenesysCloudInstrumentation())
            .WithTracing(tracing => tracing.AddGenesysCloudInstrumentation());
        builder.Services.AddHealthChecks().AddGenesysCloud(tags: ["ready"]);

        var app = builder.Build();
        app.MapGet("/queues", (IRoutingApi routing) => routing.GetRoutingQueuesPageableAsync(pageSize: 100));
        app.MapHealthChecks("/readyz");
        // README:quickstart:end
        return app;
    }
}
