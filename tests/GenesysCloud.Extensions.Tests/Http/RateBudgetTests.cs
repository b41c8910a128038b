using System.Globalization;
using GenesysCloud.Extensions.Scheduling;

namespace GenesysCloud.Extensions.Tests.Http;

public sealed class RateBudgetTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static HttpResponseMessage Response(int allowed, int count, int resetSeconds)
    {
        var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        response.Headers.Add("inin-ratelimit-allowed", allowed.ToString(CultureInfo.InvariantCulture));
        response.Headers.Add("inin-ratelimit-count", count.ToString(CultureInfo.InvariantCulture));
        response.Headers.Add("inin-ratelimit-reset", resetSeconds.ToString(CultureInfo.InvariantCulture));
        return response;
    }

    [Fact]
    public void The_earliest_observation_of_a_window_bounds_its_reset()
    {
        var budget = new RateBudget();

        // The server's window ends at T0 + 9.3 s; the header is whole seconds rounded up.
        using (var first = Response(100, 1, 10))
        {
            budget.Observe(first, T0, T0);
        }

        Assert.Equal(T0.AddSeconds(10), budget.ResetAt);

        using (var later = Response(100, 2, 2))
        {
            budget.Observe(later, T0.AddSeconds(7.5), T0.AddSeconds(7.5)); // 1.8 s left, reported as 2
        }

        Assert.Equal(T0.AddSeconds(9.5), budget.ResetAt);

        using (var looser = Response(100, 3, 1))
        {
            budget.Observe(looser, T0.AddSeconds(8.9), T0.AddSeconds(8.9)); // 0.4 s left, reported as 1: a later bound, ignored
        }

        Assert.Equal(T0.AddSeconds(9.5), budget.ResetAt);
        Assert.Equal(3, budget.Used);
    }

    [Fact]
    public void A_window_rolled_locally_takes_the_servers_reset_from_its_first_answer()
    {
        var budget = new RateBudget();
        using (var first = Response(100, 1, 5))
        {
            budget.Observe(first, T0, T0);
        }

        // Locally rolled to T0 + 10 s; the server started its next window with the first request after the reset,
        // which arrived 0.3 s late, so its window really ends at T0 + 10.3 s (reported at T0 + 5.4 s as 5 s).
        budget.Roll(T0.AddSeconds(5.1));
        Assert.Equal(T0.AddSeconds(10), budget.ResetAt);
        budget.OnStart();

        using (var answer = Response(100, 1, 5))
        {
            budget.Observe(answer, T0.AddSeconds(5.4), T0.AddSeconds(5.4));
        }

        Assert.Equal(T0.AddSeconds(10.4), budget.ResetAt);
        Assert.True(budget.ResetAt >= T0.AddSeconds(10.3), "the reset is never assumed earlier than the server's");
    }
}
