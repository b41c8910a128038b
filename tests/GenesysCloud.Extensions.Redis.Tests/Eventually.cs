namespace GenesysCloud.Extensions.Redis.Tests;

/// <summary>Polls a condition on the system clock's <see cref="PeriodicTimer"/> (state a test waits for, never a guessed delay).</summary>
internal static class Eventually
{
    public static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (!await condition())
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"Timed out after {timeout} waiting until {what}.");
            await timer.WaitForNextTickAsync();
        }
    }

    public static Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what) => WaitAsync(() => Task.FromResult(condition()), timeout, what);
}
