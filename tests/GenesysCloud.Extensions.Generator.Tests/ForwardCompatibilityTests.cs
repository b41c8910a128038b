using System.Text.Json;
using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Models;
using GenesysCloud.Extensions.Serialization;

namespace GenesysCloud.Extensions.Generator.Tests;

/// <summary>Generated models and methods never fail on what Genesys adds after this version.</summary>
public sealed class ForwardCompatibilityTests
{
    [Fact]
    public void Unknown_enum_value_round_trips()
    {
        var user = JsonSerializer.Deserialize<User>("""{"id":"u1","state":"hibernating"}""", GenesysCloudJson.Options)!;

        Assert.Equal("hibernating", user.State!.Value.Value);
        Assert.NotEqual(User.StateEnum.Active, user.State);
        Assert.Contains("\"state\":\"hibernating\"", JsonSerializer.Serialize(user, GenesysCloudJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public void Known_enum_values_compare_equal_and_convert_from_strings()
    {
        var user = JsonSerializer.Deserialize<User>("""{"state":"active"}""", GenesysCloudJson.Options)!;

        Assert.Equal(User.StateEnum.Active, user.State);
        User.StateEnum fromString = "active";
        Assert.Equal(User.StateEnum.Active, fromString);
        Assert.Equal("active", User.StateEnum.Active.ToString());
        Assert.Equal("inactive", User.StateEnum.Create("inactive").Value);
    }

    [Fact]
    public void Enum_struct_is_formatted_as_its_wire_value_in_queries()
    {
        var request = new Requests.GenesysCloudRequest(HttpMethod.Get, "/api/v2/users").WithQueryParameter("state", User.StateEnum.Deleted);
        Assert.Equal("api/v2/users?state=deleted", request.BuildRelativeUri());
    }

    [Fact]
    public void Unknown_properties_are_preserved()
    {
        var queue = JsonSerializer.Deserialize<Queue>("""{"id":"q1","brandNewField":{"a":[1,2]},"another":7}""", GenesysCloudJson.Options)!;

        Assert.Equal("q1", queue.Id);
        Assert.NotNull(queue.ExtensionData);
        Assert.Equal(7, queue.ExtensionData!["another"].GetInt32());
        var json = JsonSerializer.Serialize(queue, GenesysCloudJson.Options);
        Assert.Contains("\"brandNewField\":{\"a\":[1,2]}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Integers_beyond_32_bits_fit_in_models()
    {
        var listing = JsonSerializer.Deserialize<QueueEntityListing>("""{"total":9007199254740993,"pageCount":4294967296}""", GenesysCloudJson.Options)!;

        Assert.Equal(9007199254740993L, listing.Total);
        Assert.Equal(4294967296L, listing.PageCount);
    }

    [Fact]
    public async Task Bare_number_response_deserializes()
    {
        var fake = new FakeClient().Respond("1000");

        var limit = await fake.Api<IAuthorizationApi>().GetAuthorizationDivisionsLimitAsync();

        Assert.Equal(1000L, limit);
        Assert.Equal("api/v2/authorization/divisions/limit", fake.Requests[0].BuildRelativeUri());
    }

    [Fact]
    public async Task Bare_string_and_array_responses_deserialize()
    {
        var fake = new FakeClient().Respond("\"assigned\"", """["u1","u2"]""");

        var text = await fake.Api<IConversationsApi>().PostConversationAssignAsync("c1", new ConversationUser());
        var users = await fake.Api<IAuthorizationApi>().PutAuthorizationRoleUsersAddAsync("r1", ["u1", "u2"]);

        Assert.Equal("assigned", text);
        Assert.Equal(["u1", "u2"], users);
    }

    [Fact]
    public async Task Required_arguments_are_guarded_before_anything_is_queued()
    {
        var fake = new FakeClient();
        var routing = fake.Api<IRoutingApi>();

        await Assert.ThrowsAsync<ArgumentException>(() => routing.GetRoutingQueueAsync(string.Empty));
        await Assert.ThrowsAsync<ArgumentNullException>(() => routing.GetRoutingQueueAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => routing.PostRoutingQueuesAsync(null!));
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Requests_carry_category_operation_path_query_and_body()
    {
        var fake = new FakeClient().Respond("""{"id":"q1","name":"Support"}""");

        var queue = await fake.Api<IRoutingApi>().GetRoutingQueueAsync("q 1");

        Assert.Equal("Support", queue.Name);
        var request = Assert.Single(fake.Requests);
        Assert.Equal("Routing", request.Category);
        Assert.Equal("getRoutingQueue", request.Operation);
        Assert.Equal("api/v2/routing/queues/q%201", request.BuildRelativeUri());
    }

    [Fact]
    public void Enum_values_sent_as_numbers_or_null_do_not_fail_the_response()
    {
        var user = JsonSerializer.Deserialize<User>("""{"state":5}""", GenesysCloudJson.Options)!;
        var queue = JsonSerializer.Deserialize<Queue>("""{"scoringMethod":null}""", GenesysCloudJson.Options)!;

        Assert.Equal("5", user.State!.Value.Value);
        Assert.Null(queue.ScoringMethod);
    }
}
