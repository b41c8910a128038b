using GenesysCloud.Extensions.Api;
using Microsoft.Extensions.DependencyInjection;

namespace GenesysCloud.Extensions.Tests.Integration;

public sealed class PagingIntegrationTests
{
    [Fact]
    public async Task Page_number_paging_fetches_every_queue_lazily_page_by_page()
    {
        await using var harness = await SimulatorHarness.StartAsync(simulator: s => s.RateLimit = null);
        var routing = harness.Host.Services.GetRequiredService<IRoutingApi>();
        var before = harness.Simulator.Inspector.GetOperationCount("getRoutingQueues");

        var pageable = routing.GetRoutingQueuesPageableAsync(pageSize: 7);
        Assert.Equal(before, harness.Simulator.Inspector.GetOperationCount("getRoutingQueues")); // nothing fetched yet

        var pages = new List<int>();
        await foreach (var page in pageable.AsPages())
        {
            pages.Add(page.Values.Count);
        }

        Assert.Equal([7, 7, 7, 7, 7, 5], pages);
        Assert.Equal(40, (await pageable.ToListAsync()).Select(q => q.Id).Distinct().Count());
    }

    [Fact]
    public async Task Next_uri_paging_fetches_every_member_of_a_queue()
    {
        await using var harness = await SimulatorHarness.StartAsync(simulator: s => s.RateLimit = null);
        var routing = harness.Host.Services.GetRequiredService<IRoutingApi>();
        var queues = await routing.GetRoutingQueuesPageableAsync(pageSize: 100).ToListAsync();
        var largest = queues.OrderByDescending(q => q.MemberCount ?? 0).First();

        var members = await routing.GetRoutingQueueMembersPageableAsync(largest.Id!, pageSize: 25).ToListAsync();

        Assert.True(largest.MemberCount > 25);
        Assert.Equal(largest.MemberCount, members.Count);
        Assert.Equal(members.Count, members.Select(m => m.Id).Distinct().Count());
    }

    [Fact]
    public async Task Cursor_paging_fetches_every_user_and_resumes_from_a_continuation_token()
    {
        await using var harness = await SimulatorHarness.StartAsync(simulator: s => s.RateLimit = null);
        var users = harness.Host.Services.GetRequiredService<IUsersApi>();
        var total = (await users.GetUsersAsync(pageSize: 1)).Total;

        var all = await users.GetUsersQueryPageableAsync(pageSize: 50).ToListAsync();
        Assert.True(total > 100);
        Assert.Equal(total, all.Select(u => u.Id).Distinct().Count());

        string? token = null;
        await foreach (var page in users.GetUsersQueryPageableAsync(pageSize: 50).AsPages())
        {
            token = page.ContinuationToken;
            break;
        }

        Assert.NotNull(token);
        var rest = new List<string?>();
        await foreach (var page in users.GetUsersQueryPageableAsync(pageSize: 50).AsPages(token))
        {
            rest.AddRange(page.Values.Select(u => u.Id));
        }

        Assert.Equal(total - 50, rest.Count);
        Assert.Equal(all.Skip(50).Select(u => u.Id), rest);
    }
}
