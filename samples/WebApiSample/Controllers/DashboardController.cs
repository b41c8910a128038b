using Microsoft.AspNetCore.Mvc;
using GenesysCloud.Extensions.Notifications;
using WebApiSample.Dashboard;
using WebApiSample.Notifications;
using WebApiSample.Simulator;

namespace WebApiSample.Controllers;

/// <summary>The figures of the live dashboard page (<c>/</c>), polled twice a second, and its demo workload.</summary>
[ApiController]
[Route("api")]
public sealed class DashboardController : ControllerBase
{
    /// <summary>Everything the page shows, in one response.</summary>
    [HttpGet("dashboard")]
    public async Task<IActionResult> GetAsync(
        [FromServices] ClientStatusReader reader,
        [FromServices] CallStatistics statistics,
        [FromServices] DemoWorkload demo,
        [FromServices] EmbeddedSimulator simulator,
        [FromServices] IGenesysCloudNotifications notifications,
        [FromServices] LiveEventFeed feed,
        CancellationToken cancellationToken)
    {
        var client = await reader.ReadAsync(cancellationToken);
        var sim = simulator.Simulator;
        var status = notifications.GetStatus();
        var (received, latest) = feed.Snapshot();
        return Ok(new
        {
            client,
            calls = statistics.Snapshot(),
            demo = demo.Status,
            embeddedSimulator = simulator.IsEnabled,
            notifications = new
            {
                state = status.State.ToString(),
                topics = status.TopicCount,
                channels = status.Channels.Count,
                activeChannels = status.Channels.Count(static c => c.Active),
                eventsReceived = status.EventsReceived,
                feedReceived = received,
                duplicatesDiscarded = status.DuplicatesDiscarded,
                reconnects = status.Reconnects,
                eventsDropped = status.EventsDropped,
                handlerErrors = status.HandlerErrors,
                latest,
            },
            simulator = sim is null ? null : new
            {
                totalRequests = sim.Inspector.TotalRequests,
                tooManyRequestsSent = sim.Inspector.TooManyRequestsSent,
                tokensIssued = sim.Inspector.TokensIssued,
                activeFaults = sim.Faults.Count,
            },
        });
    }

    /// <summary>
    /// Starts the demo workload (embedded simulator only: a 409 problem otherwise). 202 when it started, 409 when a
    /// run is already going.
    /// </summary>
    [HttpPost("demo")]
    public IActionResult StartDemo([FromServices] DemoWorkload demo, [FromBody] DemoRequest? request)
    {
        if (!demo.IsAvailable)
        {
            return Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The demo workload runs only against the embedded simulator",
                detail: "GenesysCloud:ClientId is configured: the sample talks to a real org, and the demo would spend its rate budget.");
        }

        var calls = request?.Calls ?? 500;
        if (calls is < 1 or > DemoWorkload.MaxCalls)
        {
            return Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid demo request", detail: $"calls must be between 1 and {DemoWorkload.MaxCalls}.");
        }

        var (started, status) = demo.TryStart(calls, request?.RateLimitStorm ?? false);
        return started
            ? Accepted(status)
            : Problem(statusCode: StatusCodes.Status409Conflict, title: "A demo workload is already running", detail: $"{status.Completed + status.Failed} of {status.Calls} calls done.");
    }
}

/// <summary>A demo run.</summary>
/// <param name="Calls">How many calls to queue at once. Defaults to 500.</param>
/// <param name="RateLimitStorm">Whether the simulator answers every request with 429 for a few seconds once a fifth of the calls are done.</param>
public sealed record DemoRequest(int? Calls, bool? RateLimitStorm);
