using Microsoft.AspNetCore.Mvc;
using WebApiSample.Dashboard;

namespace WebApiSample.Controllers;

/// <summary>The Genesys Cloud client itself: state, queues, rate budget.</summary>
[ApiController]
[Route("api/client")]
public sealed class ClientController : ControllerBase
{
    /// <summary>State, backlog, in flight, rate budget and the current 429 suspension, if any.</summary>
    [HttpGet]
    public async Task<IActionResult> GetAsync([FromServices] ClientStatusReader reader, CancellationToken cancellationToken) =>
        Ok(await reader.ReadAsync(cancellationToken));
}
