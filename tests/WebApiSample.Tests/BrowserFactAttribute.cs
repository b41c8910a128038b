namespace WebApiSample.Tests;

/// <summary>
/// A fact that needs a real browser. It runs by default (CI installs Debian's <c>chromium</c>) and is skipped
/// only when <c>WEBAPISAMPLE_SKIP_BROWSER_TESTS=1</c>; a missing browser is a failure, not a skip.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string SkipVariable = "WEBAPISAMPLE_SKIP_BROWSER_TESTS";

    public BrowserFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(SkipVariable) == "1")
        {
            Skip = $"{SkipVariable}=1";
        }
    }
}
