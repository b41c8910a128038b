using GenesysCloud.Extensions.Simulator.Hosting;

namespace GenesysCloud.Extensions.Simulator.Tests;

public sealed class CommandLineArgumentsTests
{
    [Fact]
    public void Parses_every_documented_flag()
    {
        var (options, verbose, help) = CommandLineArguments.Parse(
        [
            "--port", "5080", "--client-id", "id", "--client-secret", "secret", "--rate-limit", "0", "--rate-window", "1.5",
            "--latency", "50-150", "--seed", "9", "--token-lifetime", "120", "--token-throttle", "429", "--queues", "3", "--verbose",
        ]);

        Assert.Equal(5080, options.Port);
        Assert.Equal("id", options.ClientId);
        Assert.Equal("secret", options.ClientSecret);
        Assert.Equal(0, options.RateLimit);
        Assert.Equal(TimeSpan.FromSeconds(1.5), options.RateWindow);
        Assert.Equal(TimeSpan.FromMilliseconds(50), options.MinLatency);
        Assert.Equal(TimeSpan.FromMilliseconds(150), options.MaxLatency);
        Assert.Equal(9, options.Seed);
        Assert.Equal(TimeSpan.FromSeconds(120), options.TokenLifetime);
        Assert.Equal(TokenThrottleResponse.TooManyRequests, options.TokenThrottleResponse);
        Assert.Equal(3, options.QueueCount);
        Assert.True(verbose);
        Assert.False(help);
    }

    [Fact]
    public void Fixed_latency_sets_both_bounds()
    {
        Assert.Equal((TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100)), CommandLineArguments.ParseLatency("100"));
    }

    [Theory]
    [InlineData("--port")]
    [InlineData("--port", "x")]
    [InlineData("--bogus", "1")]
    [InlineData("--latency", "150-50")]
    [InlineData("--token-throttle", "teapot")]
    public void Bad_flags_are_reported(params string[] args)
    {
        Assert.Throws<FormatException>(() => CommandLineArguments.Parse(args));
    }
}
