using System.Text;
using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Paging;
using GenesysCloud.Extensions.Requests;
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

    [Fact]
    public async Task Absolute_next_uri_on_the_configured_api_base_address_host_is_followed()
    {
        // Genesys's relative nextUri made absolute on the host the page came from: the simulator's loopback ApiBaseAddress.
        await using var harness = await StartWithAbsoluteNextUrisAsync(static requestUri => new Uri(requestUri, "/"));
        var routing = harness.Host.Services.GetRequiredService<IRoutingApi>();
        var queue = (await routing.GetRoutingQueuesPageableAsync(pageSize: 100).ToListAsync()).OrderByDescending(q => q.MemberCount ?? 0).First();
        using var scope = GenesysCloudResponseScope.Begin();

        var members = new List<Models.QueueMember>();
        var nextUris = new List<string?>();
        await foreach (var page in routing.GetRoutingQueueMembersPageableAsync(queue.Id!, pageSize: 10).AsPages())
        {
            members.AddRange(page.Values);
            nextUris.Add(Assert.IsType<Models.QueueMemberEntityListing>(page.Listing).NextUri);
        }

        Assert.True(queue.MemberCount > 20);
        Assert.Equal(queue.MemberCount, members.Count);
        Assert.All(nextUris.SkipLast(1), uri => Assert.StartsWith($"{harness.Simulator.ApiBaseAddress}api/v2/routing/queues/{queue.Id}/members?", uri, StringComparison.Ordinal));
        var last = Assert.IsType<GenesysCloudResponse>(scope.LastResponse); // the caller's own scope still sees the pages
        Assert.Equal(new Uri(harness.Simulator.ApiBaseAddress, $"api/v2/routing/queues/{queue.Id}/members?pageNumber={nextUris.Count}&pageSize=10"), last.RequestUri);
    }

    [Fact]
    public async Task Absolute_next_uri_on_another_loopback_port_is_refused()
    {
        await using var harness = await StartWithAbsoluteNextUrisAsync(static requestUri => new UriBuilder(requestUri.Scheme, requestUri.Host, requestUri.Port + 1).Uri);
        var routing = harness.Host.Services.GetRequiredService<IRoutingApi>();
        var queue = (await routing.GetRoutingQueuesPageableAsync(pageSize: 100).ToListAsync()).OrderByDescending(q => q.MemberCount ?? 0).First();

        var error = await Assert.ThrowsAsync<GenesysCloudPagingException>(() => routing.GetRoutingQueueMembersPageableAsync(queue.Id!, pageSize: 10).ToListAsync());

        Assert.Equal(GenesysCloudPagingException.NextUriInvalid, error.ErrorCode);
        Assert.StartsWith($"http://127.0.0.1:{harness.Simulator.ApiBaseAddress.Port + 1}/api/v2/routing/queues/", error.NextUri, StringComparison.Ordinal);
    }

    private static Task<SimulatorHarness> StartWithAbsoluteNextUrisAsync(Func<Uri, Uri> origin) =>
        SimulatorHarness.StartAsync(
            simulator: s => s.RateLimit = null,
            services: services => services.AddGenesysCloud(_ => { }).HttpClientBuilder.AddHttpMessageHandler(() => new AbsoluteNextUriHandler(origin)));

    /// <summary>Rewrites the simulator's relative <c>nextUri</c> links into absolute ones on the origin chosen by the test.</summary>
    private sealed class AbsoluteNextUriHandler(Func<Uri, Uri> origin) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var absolute = origin(request.RequestUri!).GetLeftPart(UriPartial.Authority);
            var rewritten = body.Replace("\"nextUri\":\"/", $"\"nextUri\":\"{absolute}/", StringComparison.Ordinal);
            var content = new StringContent(rewritten, Encoding.UTF8, response.Content.Headers.ContentType?.MediaType ?? "application/json");
            response.Content.Dispose();
            response.Content = content;
            return response;
        }
    }
}
