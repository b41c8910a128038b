// A user's program, built against the packages only: the README's configuration keys, the default and a named client,
// a paged call, a keyed interface, a typed error, and a clean stop (the token deleted). It prints one line of results.
using GenesysCloud.Extensions;
using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Simulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

await using var sim = await GenesysCloudSimulator.StartAsync();
var builder = Host.CreateApplicationBuilder(args);
builder.Logging.ClearProviders();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["GenesysCloud:ClientId"] = sim.ClientId,
    ["GenesysCloud:ClientSecret"] = sim.ClientSecret,
    ["GenesysCloud:ApiBaseAddress"] = sim.ApiBaseAddress.ToString(),
    ["GenesysCloud:LoginBaseAddress"] = sim.LoginBaseAddress.ToString(),
    ["Orgs:Second:ClientId"] = sim.ClientId,
    ["Orgs:Second:ClientSecret"] = sim.ClientSecret,
    ["Orgs:Second:ApiBaseAddress"] = sim.ApiBaseAddress.ToString(),
    ["Orgs:Second:LoginBaseAddress"] = sim.LoginBaseAddress.ToString(),
});
builder.Services.AddGenesysCloud(builder.Configuration.GetSection("GenesysCloud"));
builder.Services.AddGenesysCloud("second", builder.Configuration.GetSection("Orgs:Second"));

using var host = builder.Build();
await host.StartAsync();
var routing = host.Services.GetRequiredService<IRoutingApi>();
var queues = await routing.GetRoutingQueuesPageableAsync(pageSize: 25).ToListAsync();
var users = await host.Services.GetRequiredKeyedService<IUsersApi>("second").GetUsersAsync(pageSize: 1);
var notFound = 0;
try
{
    await routing.GetRoutingQueueAsync("no-such-queue");
}
catch (GenesysCloudApiException ex)
{
    notFound = (int)ex.StatusCode;
}

var state = host.Services.GetRequiredService<IGenesysCloudClient>().State;
await host.StopAsync();
Console.WriteLine($"queues={queues.Count} users={users.Total} notFound={notFound} state={state} tokensDeleted={sim.Inspector.TokensDeleted}");
