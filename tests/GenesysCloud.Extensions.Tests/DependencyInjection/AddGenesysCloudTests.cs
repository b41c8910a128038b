using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GenesysCloud.Extensions.Tests.DependencyInjection;

public sealed class AddGenesysCloudTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["GenesysCloud:ClientId"] = "f6eb9da0-4590-4bb7-82a0-f85afbfa1070",
        ["GenesysCloud:ClientSecret"] = "secret",
        ["GenesysCloud:Region"] = "eu-west-1",
        ["GenesysCloud:MaxRetries"] = "3",
    };

    [Fact]
    public void Registers_in_a_web_application_from_the_genesyscloud_section()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(Settings);
        builder.Services.AddGenesysCloud(builder.Configuration.GetSection("GenesysCloud"));
        using var app = builder.Build();

        var options = app.Services.GetRequiredService<IOptions<GenesysCloudOptions>>().Value;
        Assert.Equal("eu-west-1", options.Region);
        Assert.Equal(3, options.MaxRetries);
        Assert.Equal(new Uri("https://api.mypurecloud.ie/"), options.ResolvedApiBaseAddress);
        Assert.Equal(GenesysCloudClientState.Created, app.Services.GetRequiredService<IGenesysCloudClient>().State);
        Assert.Single(app.Services.GetServices<IHostedService>(), s => s.GetType().Name == "GenesysCloudHostedService");
        Assert.NotNull(app.Services.GetRequiredService<GenesysCloud.Extensions.Api.IRoutingApi>());
        Assert.NotNull(app.Services.GetRequiredService<GenesysCloud.Extensions.Api.ITelephonyProvidersEdgeApi>());
    }

    [Fact]
    public void Every_category_interface_is_registered_once_as_a_singleton()
    {
        var services = new ServiceCollection();
        services.AddGenesysCloud(o => { });
        services.AddGenesysCloud(o => { });
        var apis = services.Where(d => d.ServiceType.Namespace == "GenesysCloud.Extensions.Api" && d.ServiceType.IsInterface && d.ServiceType != typeof(IGenesysCloudApiProvider)).ToArray();

        Assert.Equal(86, apis.Length);
        Assert.Equal(86, apis.Select(d => d.ServiceType).Distinct().Count());
        Assert.All(apis, d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
    }

    [Fact]
    public void Registers_in_a_generic_host_with_a_delegate()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddGenesysCloud(o =>
        {
            o.ClientId = "f6eb9da0-4590-4bb7-82a0-f85afbfa1070";
            o.ClientSecret = "secret";
            o.Region = "ap-southeast-2";
        });
        using var host = builder.Build();

        var client = host.Services.GetRequiredService<IGenesysCloudClient>();
        Assert.Same(client, host.Services.GetRequiredService<IGenesysCloudClient>());
        Assert.Equal(new Uri("https://login.mypurecloud.com.au/"), host.Services.GetRequiredService<IOptions<GenesysCloudOptions>>().Value.ResolvedLoginBaseAddress);
    }

    [Fact]
    public void Calling_it_twice_registers_nothing_twice_but_keeps_both_configurations()
    {
        var services = new ServiceCollection();
        var config = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build().GetSection("GenesysCloud");
        var first = services.AddGenesysCloud(config);
        var count = services.Count;
        var second = services.AddGenesysCloud(o => o.MaxRetries = 7);

        Assert.Same(first, second);
        Assert.Equal(count + 1, services.Count); // only the second Configure delegate
        using var provider = services.BuildServiceProvider();
        Assert.Single(provider.GetServices<IHostedService>());
        Assert.Equal(7, provider.GetRequiredService<IOptions<GenesysCloudOptions>>().Value.MaxRetries);
    }

    [Fact]
    public async Task Invalid_configuration_stops_start_up_naming_the_key()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(Settings) { ["GenesysCloud:Region"] = "moon-1", ["GenesysCloud:SocketTimeout"] = "soon" });
        builder.Services.AddGenesysCloud(builder.Configuration.GetSection("GenesysCloud"));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(ex.Failures, f => f.StartsWith("GenesysCloud:Region", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("GenesysCloud:SocketTimeout", StringComparison.Ordinal));
        Assert.DoesNotContain("secret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_customizations_apply_to_the_http_client_and_retry_strategy()
    {
        var services = new ServiceCollection();
        var applied = false;
        services.AddGenesysCloud(o =>
            {
                o.ClientId = "f6eb9da0-4590-4bb7-82a0-f85afbfa1070";
                o.ClientSecret = "secret";
                o.Region = "us-east-1";
            })
            .ConfigureHttpClient(c => c.DefaultRequestHeaders.Add("X-App", "tests"))
            .ConfigureRetry(r => applied = true);
        using var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<IGenesysCloudClient>(); // the retry strategy is built with the client

        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("GenesysCloud");
        Assert.Equal("tests", client.DefaultRequestHeaders.GetValues("X-App").Single());
        Assert.True(applied);
    }
}
