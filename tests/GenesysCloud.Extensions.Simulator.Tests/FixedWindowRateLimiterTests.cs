using GenesysCloud.Extensions.Simulator.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace GenesysCloud.Extensions.Simulator.Tests;

public sealed class FixedWindowRateLimiterTests
{
    [Fact]
    public void Counts_up_to_the_limit_then_refuses_until_the_window_ends()
    {
        var clock = new FakeTimeProvider();
        var limiter = new FixedWindowRateLimiter(3, TimeSpan.FromSeconds(60), clock);

        var first = limiter.Acquire("t");
        clock.Advance(TimeSpan.FromSeconds(10));
        var second = limiter.Acquire("t");
        var third = limiter.Acquire("t");
        var fourth = limiter.Acquire("t");

        Assert.True(first.Allowed);
        Assert.Equal(1, first.Count);
        Assert.Equal(60, first.ResetAfterSeconds);
        Assert.True(third.Allowed);
        Assert.Equal(3, third.Count);
        Assert.Equal(50, second.ResetAfterSeconds);
        Assert.False(fourth.Allowed);
        Assert.Equal(4, fourth.Count);
        Assert.Equal(3, fourth.Limit);

        clock.Advance(TimeSpan.FromSeconds(50));
        var next = limiter.Acquire("t");
        Assert.True(next.Allowed);
        Assert.Equal(1, next.Count);
        Assert.Equal(60, next.ResetAfterSeconds);
    }

    [Fact]
    public void Reset_is_rounded_up_to_whole_seconds_and_never_zero()
    {
        var clock = new FakeTimeProvider();
        var limiter = new FixedWindowRateLimiter(10, TimeSpan.FromSeconds(60), clock);
        limiter.Acquire("t");

        clock.Advance(TimeSpan.FromSeconds(30.2));
        Assert.Equal(30, limiter.Acquire("t").ResetAfterSeconds);
        clock.Advance(TimeSpan.FromSeconds(29.7));
        Assert.Equal(1, limiter.Acquire("t").ResetAfterSeconds);
    }

    [Fact]
    public void Keys_have_separate_windows()
    {
        var limiter = new FixedWindowRateLimiter(1, TimeSpan.FromSeconds(60), new FakeTimeProvider());

        Assert.True(limiter.Acquire("a").Allowed);
        Assert.False(limiter.Acquire("a").Allowed);
        Assert.True(limiter.Acquire("b").Allowed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public void Null_or_zero_limit_is_unlimited(int? limit)
    {
        var limiter = new FixedWindowRateLimiter(limit, TimeSpan.FromSeconds(1), new FakeTimeProvider());

        for (var i = 0; i < 1000; i++)
        {
            Assert.True(limiter.Acquire("t").Allowed);
        }

        Assert.Null(limiter.Limit);
        Assert.Equal(1001, limiter.Acquire("t").Count);
    }

    [Fact]
    public void Peek_reports_usage_without_counting_and_forgets_ended_windows()
    {
        var clock = new FakeTimeProvider();
        var limiter = new FixedWindowRateLimiter(5, TimeSpan.FromSeconds(10), clock);
        limiter.Acquire("t");
        limiter.Acquire("t");

        Assert.Equal(2, limiter.Peek("t")!.Value.Count);
        Assert.Equal(2, limiter.Peek("t")!.Value.Count);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Null(limiter.Peek("t"));
        Assert.Null(limiter.Peek("unknown"));
    }
}
