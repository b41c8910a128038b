using GenesysCloud.Extensions;
using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Models;
using Microsoft.AspNetCore.Mvc;
using WebApiSample.Organizations;

namespace WebApiSample.Controllers;

/// <summary>
/// Many customer orgs from one service: the org comes from the route, and <see cref="IGenesysCloudClientFactory"/> picks
/// its client, with that org's token and rate budget (a 429 storm on one org never slows another's calls).
/// </summary>
[ApiController]
[Route("api/orgs")]
public sealed class OrgsController(IGenesysCloudClientFactory clients) : ControllerBase
{
    /// <summary>The orgs this service serves (<c>default</c> is its own).</summary>
    [HttpGet]
    public IReadOnlyList<string> GetOrgs() =>
        [.. clients.Names.Select(static n => n.Length == 0 ? SampleOrganizations.DefaultRouteName : n)];

    /// <summary>Every routing queue of one org (all pages); an unknown org is a 404 problem.</summary>
    [HttpGet("{org}/queues")]
    public async Task<IReadOnlyList<Queue>> GetQueuesAsync(string org, CancellationToken cancellationToken) =>
        await clients.GetApi<IRoutingApi>(SampleOrganizations.ClientName(org)).GetRoutingQueuesPageableAsync(pageSize: 100).ToListAsync(cancellationToken);
}
