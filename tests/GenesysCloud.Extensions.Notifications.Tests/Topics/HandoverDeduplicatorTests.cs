using System.Text;
using GenesysCloud.Extensions.Notifications.Channels;
using Microsoft.Extensions.Time.Testing;

namespace GenesysCloud.Extensions.Notifications.Tests.Topics;

public sealed class HandoverDeduplicatorTests
{
    private static NotificationFrame Frame(string channel, string? correlationId, string body = """{"a":1}""") =>
        NotificationFrame.Parse(
            Encoding.UTF8.GetBytes($$"""{"topicName":"v2.users.u1.presence","eventBody":{{body}}{{(correlationId is null ? string.Empty : $$""","metadata":{"CorrelationId":"{{correlationId}}"}""")}}}"""),
            channel,
            DateTimeOffset.UnixEpoch,
            out _)!;

    [Fact]
    public void The_second_copy_from_the_other_channel_is_a_duplicate_a_repeat_on_the_same_channel_is_not()
    {
        var deduplicator = new HandoverDeduplicator(new FakeTimeProvider());

        Assert.False(deduplicator.IsDuplicate(Frame("old", "c1")));
        Assert.True(deduplicator.IsDuplicate(Frame("new", "c1")));
        Assert.False(deduplicator.IsDuplicate(Frame("new", "c2")));
        Assert.False(deduplicator.IsDuplicate(Frame("new", "c2")));
        Assert.False(deduplicator.IsDuplicate(Frame("old", null, """{"b":2}""")));
        Assert.True(deduplicator.IsDuplicate(Frame("new", null, """{"b":2}""")));
        Assert.False(deduplicator.IsDuplicate(Frame("new", null, """{"b":3}""")));
    }

    [Fact]
    public void Copies_are_recognized_for_the_window_after_the_old_channel_closed_and_not_after()
    {
        var time = new FakeTimeProvider();
        var deduplicator = new HandoverDeduplicator(time);
        Assert.False(deduplicator.IsDuplicate(Frame("old", "c1")));
        Assert.False(deduplicator.IsDuplicate(Frame("old", "c2")));

        deduplicator.End(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.True(deduplicator.IsDuplicate(Frame("new", "c1")));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(deduplicator.Expired);
        Assert.False(deduplicator.IsDuplicate(Frame("new", "c2")));
    }
}
