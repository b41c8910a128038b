using System.Text.Json;
using GenesysCloud.Extensions.Models;

namespace GenesysCloud.Extensions.Generator.Tests;

/// <summary>Issue 13, item 6: readable enum member names from upper-case wire values; the wire value unchanged.</summary>
public sealed class EnumMemberNamingTests
{
    private static readonly EnumMemberNaming Naming = new(["off", "queue", "not", "responding", "on", "idle", "insights", "view", "abandon"]);

    [Theory]
    [InlineData("OFFQUEUE", "OffQueue")]
    [InlineData("ONQUEUE", "OnQueue")]
    [InlineData("NOTRESPONDING", "NotResponding")]
    [InlineData("NOT_RESPONDING", "NotResponding")]
    [InlineData("ABANDONINSIGHTSVIEW", "AbandonInsightsView")]
    [InlineData("IDLE", "Idle")]
    [InlineData("ACD", "Acd")]
    [InlineData("XYZZY", "Xyzzy")]
    [InlineData("AES256", "Aes256")]
    [InlineData("90", "_90")]
    [InlineData("offQueue", "OffQueue")]
    [InlineData("Available", "Available")]
    [InlineData("on-queue", "OnQueue")]
    public void Upper_case_words_are_split_by_the_spec_vocabulary_and_pascal_cased(string wire, string member) =>
        Assert.Equal(member, Naming.Name(wire));

    [Fact]
    public void The_vocabulary_comes_from_the_specs_mixed_case_names()
    {
        using var definitions = JsonDocument.Parse("""{"UserPresence":{"properties":{"offQueueTime":{"type":"string","enum":["notResponding"]}}}}""");
        var naming = EnumMemberNaming.FromDefinitions(definitions.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()));

        Assert.Equal("OffQueueTime", naming.Name("OFFQUEUETIME"));
        Assert.Equal("NotResponding", naming.Name("NOTRESPONDING"));
        Assert.Equal("UserPresence", naming.Name("USERPRESENCE"));
    }

    [Fact]
    public void Generated_members_are_pascal_case_and_keep_the_exact_wire_value_both_ways()
    {
        Assert.Equal("OFF_QUEUE", RoutingStatus.StatusEnum.OffQueue.Value);
        Assert.Equal("NOT_RESPONDING", RoutingStatus.StatusEnum.NotResponding.ToString());

        var status = new RoutingStatus { Status = RoutingStatus.StatusEnum.OffQueue };
        var json = JsonSerializer.Serialize(status, GenesysCloud.Extensions.Serialization.GenesysCloudJson.Options);
        Assert.Contains("\"status\":\"OFF_QUEUE\"", json, StringComparison.Ordinal);
        Assert.Equal(RoutingStatus.StatusEnum.OffQueue, JsonSerializer.Deserialize<RoutingStatus>(json, GenesysCloud.Extensions.Serialization.GenesysCloudJson.Options)!.Status);
    }
}
