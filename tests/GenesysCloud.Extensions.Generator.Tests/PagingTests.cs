using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Paging;

namespace GenesysCloud.Extensions.Generator.Tests;

/// <summary>The generated <c>...PageableAsync</c> helpers against canned pages of the three styles.</summary>
public sealed class PagingTests
{
    [Fact]
    public async Task Page_number_listing_is_fetched_lazily_until_page_count()
    {
        var fake = new FakeClient().Respond(
            """{"entities":[{"id":"q1"},{"id":"q2"}],"pageNumber":1,"pageCount":3}""",
            """{"entities":[{"id":"q3"}],"pageNumber":2,"pageCount":3}""",
            """{"entities":[{"id":"q4"}],"pageNumber":3,"pageCount":3}""");
        var queues = fake.Api<IRoutingApi>().GetRoutingQueuesPageableAsync(pageSize: 2);
        Assert.Empty(fake.Requests); // nothing until enumerated

        var ids = new List<string?>();
        await foreach (var queue in queues)
        {
            ids.Add(queue.Id);
        }

        Assert.Equal(["q1", "q2", "q3", "q4"], ids);
        Assert.Equal(
            ["api/v2/routing/queues?pageNumber=1&pageSize=2", "api/v2/routing/queues?pageNumber=2&pageSize=2", "api/v2/routing/queues?pageNumber=3&pageSize=2"],
            fake.Requests.Select(r => r.BuildRelativeUri()));
    }

    [Fact]
    public async Task Page_number_listing_without_page_count_follows_next_uri_until_it_is_absent()
    {
        var fake = new FakeClient().Respond(
            """{"entities":[{"id":"q1"}],"nextUri":"/api/v2/routing/queues?pageSize=1&pageNumber=2"}""",
            """{"entities":[{"id":"q2"}],"nextUri":"https://api.mypurecloud.de/api/v2/routing/queues?pageSize=1&pageNumber=3"}""",
            """{"entities":[{"id":"q3"}]}""");

        var all = await fake.Api<IRoutingApi>().GetRoutingQueuesPageableAsync().ToListAsync();

        Assert.Equal(["q1", "q2", "q3"], all.Select(q => q.Id));
        Assert.Equal(3, fake.Requests.Count);
    }

    public static TheoryData<string> RegionApiHosts => [.. GenesysCloudRegions.All.Select(static r => r.ApiBaseAddress.Host)];

    [Theory]
    [MemberData(nameof(RegionApiHosts))]
    public async Task Absolute_next_uri_on_the_api_host_of_every_region_is_followed(string host)
    {
        // api.edee1.eusc-pure.cloud (eusc-de-east-1) was refused: the paging code kept its own list of host suffixes.
        var fake = new FakeClient().Respond(
            $$"""{"entities":[{"id":"q1"}],"nextUri":"https://{{host}}/api/v2/routing/queues?pageSize=1&pageNumber=2"}""",
            """{"entities":[{"id":"q2"}]}""");

        var all = await fake.Api<IRoutingApi>().GetRoutingQueuesPageableAsync(pageSize: 1).ToListAsync();

        Assert.Equal(["q1", "q2"], all.Select(q => q.Id));
        Assert.Equal("api/v2/routing/queues?pageNumber=2&pageSize=1", fake.Requests[1].BuildRelativeUri());
    }

    [Fact]
    public async Task Absolute_next_uri_on_the_eusc_de_east_1_api_host_is_followed()
    {
        var fake = new FakeClient().Respond(
            """{"entities":[{"id":"u1"}],"nextUri":"https://api.edee1.eusc-pure.cloud/api/v2/analytics/botflows/f1/sessions?after=c2"}""",
            """{"entities":[{"id":"u2"}]}""");

        var sessions = await fake.Api<IAnalyticsApi>().GetAnalyticsBotflowSessionsPageableAsync("f1").ToListAsync();

        Assert.Equal(["u1", "u2"], sessions.Select(s => s.Id));
        Assert.Equal("api/v2/analytics/botflows/f1/sessions?after=c2", fake.Requests[1].BuildRelativeUri());
    }

    [Theory]
    [InlineData("https://api.elsewhere.pure.cloud/api/v2/routing/queues?pageNumber=2")]
    [InlineData("https://login.mypurecloud.com/api/v2/routing/queues?pageNumber=2")]
    [InlineData("https://api.mypurecloud.com.example.com/api/v2/routing/queues?pageNumber=2")]
    [InlineData("http://127.0.0.1:5080/api/v2/routing/queues?pageNumber=2")]
    [InlineData("https://evil.example.com/api/v2/routing/queues?pageNumber=2")]
    [InlineData("//evil.example.com/api/v2/routing/queues?pageNumber=2")]
    [InlineData("/api/v2/users?pageNumber=2")]
    public async Task Next_uri_to_another_host_or_path_is_refused(string nextUri)
    {
        var fake = new FakeClient().Respond($$"""{"entities":[{"id":"q1"}],"nextUri":"{{nextUri}}"}""");

        var error = await Assert.ThrowsAsync<GenesysCloudPagingException>(() => fake.Api<IRoutingApi>().GetRoutingQueuesPageableAsync().ToListAsync());

        Assert.Equal(nextUri, error.NextUri);
        Assert.Equal(GenesysCloudPagingException.NextUriInvalid, error.ErrorCode);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task After_cursor_is_read_from_next_uri()
    {
        var fake = new FakeClient().Respond(
            """{"entities":[{"id":"s1"}],"nextUri":"/api/v2/analytics/botflows/f1/sessions?after=abc%3D&pageSize=1"}""",
            """{"entities":[{"id":"s2"}]}""");

        var sessions = await fake.Api<IAnalyticsApi>().GetAnalyticsBotflowSessionsPageableAsync("f1").ToListAsync();

        Assert.Equal(["s1", "s2"], sessions.Select(s => s.Id));
        Assert.Equal("api/v2/analytics/botflows/f1/sessions?after=abc%3D", fake.Requests[1].BuildRelativeUri());
    }

    [Fact]
    public async Task Cursor_is_read_from_the_response_and_a_repeated_cursor_ends_the_listing()
    {
        var fake = new FakeClient().Respond(
            """{"entities":[{"id":"u1"}],"cursor":"c2"}""",
            """{"entities":[{"id":"u2"}],"cursor":"c3"}""",
            """{"entities":[{"id":"u3"}],"cursor":"c3"}""");

        var users = await fake.Api<IUsersApi>().GetUsersQueryPageableAsync().ToListAsync();

        Assert.Equal(["u1", "u2", "u3"], users.Select(u => u.Id));
        Assert.Equal(["api/v2/users/query", "api/v2/users/query?cursor=c2", "api/v2/users/query?cursor=c3"], fake.Requests.Select(r => r.BuildRelativeUri()));
    }

    [Fact]
    public async Task Pages_expose_the_listing_and_resume_from_a_continuation_token()
    {
        var fake = new FakeClient().Respond(
            """{"entities":[{"id":"q5"}],"pageNumber":5,"pageCount":6,"total":6}""",
            """{"entities":[{"id":"q6"}],"pageNumber":6,"pageCount":6,"total":6}""");

        var pages = new List<GenesysCloudPage<Models.Queue>>();
        await foreach (var page in fake.Api<IRoutingApi>().GetRoutingQueuesPageableAsync().AsPages("5"))
        {
            pages.Add(page);
        }

        Assert.Equal(2, pages.Count);
        Assert.Equal("6", pages[0].ContinuationToken);
        Assert.Null(pages[1].ContinuationToken);
        Assert.Equal(6L, Assert.IsType<Models.QueueEntityListing>(pages[0].Listing).Total);
        Assert.Equal("api/v2/routing/queues?pageNumber=5", fake.Requests[0].BuildRelativeUri());
    }

    [Fact]
    public async Task An_empty_page_ends_the_listing()
    {
        var fake = new FakeClient().Respond("""{"entities":[],"pageNumber":1,"pageCount":9}""");

        Assert.Empty(await fake.Api<IRoutingApi>().GetRoutingQueuesPageableAsync().ToListAsync());
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task Every_queue_with_its_members_snippet_from_the_docs_works()
    {
        var fake = new FakeClient().Respond(
            """{"entities":[{"id":"q1","name":"Support"},{"id":"q2","name":"Sales"}],"pageNumber":1,"pageCount":1}""",
            """{"entities":[{"id":"u1","name":"Ada"}],"pageNumber":1,"pageCount":1}""",
            """{"entities":[{"id":"u2","name":"Grace"}],"pageNumber":1,"pageCount":1}""");
        var routing = fake.Api<IRoutingApi>();
        var lines = new List<string>();
        var cancellationToken = CancellationToken.None;

        // docs/paging.md
        await foreach (var queue in routing.GetRoutingQueuesPageableAsync(pageSize: 100).WithCancellation(cancellationToken))
        {
            lines.Add($"{queue.Name}:");
            await foreach (var member in routing.GetRoutingQueueMembersPageableAsync(queue.Id!, pageSize: 100).WithCancellation(cancellationToken))
            {
                lines.Add($"  {member.Name}");
            }
        }

        Assert.Equal(["Support:", "  Ada", "Sales:", "  Grace"], lines);
        Assert.Equal("api/v2/routing/queues/q2/members?pageNumber=1&pageSize=100", fake.Requests[2].BuildRelativeUri());
    }

    [Fact]
    public async Task Analytics_job_results_page_by_cursor_over_their_only_array()
    {
        var fake = new FakeClient().Respond(
            """{"conversations":[{"conversationId":"c1"}],"cursor":"k2"}""",
            """{"conversations":[{"conversationId":"c2"}]}""");

        var conversations = await fake.Api<IAnalyticsApi>().GetAnalyticsConversationsDetailsJobResultsPageableAsync("j1", pageSize: 1).ToListAsync();

        Assert.Equal(["c1", "c2"], conversations.Select(c => c.ConversationId));
        Assert.Equal("api/v2/analytics/conversations/details/jobs/j1/results?cursor=k2&pageSize=1", fake.Requests[1].BuildRelativeUri());
    }

    [Fact]
    public async Task String_typed_page_number_is_sent_as_a_number()
    {
        var fake = new FakeClient().Respond(
            """{"entities":[{"id":"r1"}],"pageNumber":1,"pageCount":2}""",
            """{"entities":[{"id":"r2"}],"pageNumber":2,"pageCount":2}""");

        var rows = await fake.Api<IBusinessRulesApi>().GetBusinessrulesDecisiontableVersionRowsPageableAsync("t1", 3).ToListAsync();

        Assert.Equal(2, rows.Count);
        Assert.Equal("api/v2/businessrules/decisiontables/t1/versions/3/rows?pageNumber=2", fake.Requests[1].BuildRelativeUri());
    }
}
