using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace WebApiSample.Tests;

/// <summary>
/// The dashboard page in headless Chromium (Debian's <c>chromium</c> package, driven by Playwright for .NET; no
/// browser is ever downloaded): it goes live, the demo workload moves the figures, and screenshots are saved
/// as test artifacts in <c>tests/WebApiSample.Tests/TestResults/</c>.
/// </summary>
public sealed class DashboardBrowserTests(KestrelSampleFactory factory, ITestOutputHelper output) : IClassFixture<KestrelSampleFactory>
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private static readonly TimeSpan DemoTimeout = TimeSpan.FromSeconds(90);

    [BrowserFact]
    public async Task Demo_workload_moves_the_live_figures()
    {
        Assert.True(File.Exists(ChromiumPath),
            $"{ChromiumPath} is missing: install Debian's chromium (apt-get install -y chromium), or set {BrowserFactAttribute.SkipVariable}=1 to skip browser tests.");

        var address = factory.StartAndGetAddress();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync(address.ToString());
        await Assertions.Expect(page.GetByTestId("connection")).ToHaveTextAsync("live");
        await Assertions.Expect(page.GetByTestId("state")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(Idle|Running)$"));
        Assert.Contains("embedded Genesys Cloud simulator", await page.GetByTestId("mode").TextContentAsync(), StringComparison.Ordinal);

        // The live event feed: the embedded simulator's org publishes on the subscribed topics, events arrive on the page.
        var timeout = (float)DemoTimeout.TotalMilliseconds;
        await page.WaitForFunctionAsync(
            "() => document.querySelectorAll('[data-testid=event-feed] li').length >= 2 && Number(document.querySelector('[data-testid=events-received]').textContent) >= 2",
            null,
            new() { Timeout = timeout });
        var feed = await page.GetByTestId("event-feed").Locator("li").AllTextContentsAsync();
        Assert.All(feed, line => Assert.Matches("v2\\.(routing\\.queues|users)\\.\\{id\\}\\.(conversations|presence|routingStatus)", line));
        Assert.Equal("1", await page.Locator("#activeChannels").TextContentAsync());
        var completedBefore = await ReadNumberAsync(page, "completed");

        await page.GetByTestId("demo-calls").FillAsync("250");
        await page.GetByTestId("demo-storm").CheckAsync();
        await page.GetByTestId("demo-start").ClickAsync();

        // While it runs: the backlog fills (250 calls queued at once, 50 in flight at most). Playwright waits on the
        // page itself (it re-evaluates on every frame), so nothing here sleeps.
        await page.WaitForFunctionAsync(
            "() => Number(document.querySelector('[data-testid=backlog]').textContent) > 0 || Number(document.querySelector('[data-testid=peak-backlog]')?.textContent) > 0",
            null,
            new() { Timeout = timeout });
        await page.ScreenshotAsync(new() { Path = ScreenshotPath("dashboard-running.png"), FullPage = true });

        await Assertions.Expect(page.GetByTestId("demo-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Finished"), new() { Timeout = timeout });

        // The run is over once the page's own poll shows every call completed.
        await page.WaitForFunctionAsync(
            $"() => Number(document.querySelector('[data-testid=completed]').textContent) >= {(completedBefore + 250).ToString(CultureInfo.InvariantCulture)}",
            null,
            new() { Timeout = timeout });
        var screenshot = ScreenshotPath("dashboard.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot: {screenshot}");

        var finalStatus = await page.GetByTestId("demo-status").TextContentAsync();
        Assert.StartsWith("Finished: 250 of 250 calls done", finalStatus, StringComparison.Ordinal);
        Assert.True(await ReadNumberAsync(page, "completed") >= completedBefore + 250, "completed calls increased by the demo's 250");
        Assert.True(await ReadNumberAsync(page, "peak-backlog") > 0, "the backlog filled at some point");
        Assert.True(await ReadNumberAsync(page, "suspensions") > 0, "the 429 storm suspended the backlog");
        Assert.True(await ReadNumberAsync(page, "token-refreshes") >= 1, "the client's token request is counted");
        Assert.Empty(errors);
    }

    private static async Task<double> ReadNumberAsync(IPage page, string testId)
    {
        var text = await page.GetByTestId(testId).TextContentAsync();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;
    }

    private static string ScreenshotPath(string fileName)
    {
        // The project's TestResults folder (next to dotnet test's own results), found from the output folder.
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WebApiSample.Tests.csproj")))
        {
            directory = directory.Parent;
        }

        var results = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(results);
        return Path.Combine(results, fileName);
    }
}
