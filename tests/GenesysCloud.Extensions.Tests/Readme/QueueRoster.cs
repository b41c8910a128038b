using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Models;

namespace GenesysCloud.Extensions.Tests.Readme;

/// <summary>The README's "every queue with its members" example, compiled here.</summary>
internal static class QueueRoster
{
    // README:roster:begin
    public static async Task<Dictionary<string, IReadOnlyList<QueueMember>>> GetRosterAsync(IRoutingApi routing, CancellationToken cancellationToken)
    {
        var queues = await routing.GetRoutingQueuesPageableAsync(pageSize: 100).ToListAsync(cancellationToken);
        var members = await Task.WhenAll(queues.Select(queue =>
            routing.GetRoutingQueueMembersPageableAsync(queue.Id!, pageSize: 100).ToListAsync(cancellationToken)));
        return queues.Zip(members).ToDictionary(pair => pair.First.Name!, pair => pair.Second);
    }
    // README:roster:end
}
