using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Models;
using Microsoft.AspNetCore.Mvc;

namespace WebApiSample.Controllers;

/// <summary>Routing queues and their members, through the paging helpers of <see cref="IRoutingApi"/>.</summary>
[ApiController]
[Route("api/queues")]
public sealed class QueuesController(IRoutingApi routing) : ControllerBase
{
    private const int PageSize = 100;

    /// <summary>Every routing queue (all pages).</summary>
    [HttpGet]
    public async Task<IReadOnlyList<Queue>> GetQueuesAsync(CancellationToken cancellationToken) =>
        await routing.GetRoutingQueuesPageableAsync(pageSize: PageSize).ToListAsync(cancellationToken);

    /// <summary>Every member of one queue (all pages); an unknown id is Genesys's 404 as problem details.</summary>
    [HttpGet("{queueId}/members")]
    public async Task<IReadOnlyList<QueueMember>> GetMembersAsync(string queueId, CancellationToken cancellationToken) =>
        await routing.GetRoutingQueueMembersPageableAsync(queueId, pageSize: PageSize).ToListAsync(cancellationToken);

    /// <summary>
    /// The original client's advanced example: every queue with its members, the queues' members fetched
    /// concurrently. Nothing limits the fan-out here: the client's backlog, concurrency limit and rate-budget
    /// pacing do.
    /// </summary>
    [HttpGet("members")]
    public async Task<IReadOnlyList<QueueWithMembers>> GetQueuesWithMembersAsync(CancellationToken cancellationToken)
    {
        var queues = await routing.GetRoutingQueuesPageableAsync(pageSize: PageSize).ToListAsync(cancellationToken);
        return await Task.WhenAll(queues.Select(async queue =>
        {
            var members = await routing.GetRoutingQueueMembersPageableAsync(queue.Id!, pageSize: PageSize).ToListAsync(cancellationToken);
            return new QueueWithMembers(queue.Id!, queue.Name, [.. members.Select(static m => new QueueMemberSummary(m.Id, m.Name, m.Joined))]);
        }));
    }
}

/// <summary>A queue and its members.</summary>
/// <param name="Id">The queue id.</param>
/// <param name="Name">The queue name.</param>
/// <param name="Members">Its members.</param>
public sealed record QueueWithMembers(string Id, string? Name, IReadOnlyList<QueueMemberSummary> Members);

/// <summary>A queue member.</summary>
/// <param name="Id">The user id.</param>
/// <param name="Name">The user's name.</param>
/// <param name="Joined">Whether the member has joined the queue.</param>
public sealed record QueueMemberSummary(string? Id, string? Name, bool? Joined);
