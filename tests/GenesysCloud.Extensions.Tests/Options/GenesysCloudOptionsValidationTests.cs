using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Options;
using Microsoft.Extensions.Configuration;

namespace GenesysCloud.Extensions.Tests.Options;

public sealed class GenesysCloudOptionsValidationTests
{
    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["GenesysCloud:ClientId"] = "f6eb9da0-4590-4bb7-82a0-f85afbfa1070",
        ["GenesysCloud:ClientSecret"] = "top-secret-value",
        ["GenesysCloud:Region"] = "us-east-1",
    };

    public static TheoryData<string, string?, string, string> Rules() => new()
    {
        // key, value, expected code, expected key in message
        { "ClientId", null, GenesysCloudErrorCodes.ClientIdTypeInvalid, "GenesysCloud:ClientId" },
        { "ClientId", "not-a-uuid", GenesysCloudErrorCodes.ClientIdInvalidUuid, "GenesysCloud:ClientId" },
        { "ClientSecret", null, GenesysCloudErrorCodes.ClientSecretTypeInvalid, "GenesysCloud:ClientSecret" },
        { "Region", null, GenesysCloudErrorCodes.RegionTypeInvalid, "GenesysCloud:Region" },
        { "Region", "mars-north-1", GenesysCloudErrorCodes.RegionInvalid, "GenesysCloud:Region" },
        { "SocketTimeout", "sixty", GenesysCloudErrorCodes.SocketTimeoutTypeInvalid, "GenesysCloud:SocketTimeout" },
        { "SocketTimeout", "00:00:00", GenesysCloudErrorCodes.SocketTimeoutOutOfBounds, "GenesysCloud:SocketTimeout" },
        { "SocketTimeout", "-00:00:01", GenesysCloudErrorCodes.SocketTimeoutOutOfBounds, "GenesysCloud:SocketTimeout" },
        { "RateLimiting:TimeBetweenRequests", "fast", GenesysCloudErrorCodes.TimeBetweenRequestsTypeInvalid, "GenesysCloud:RateLimiting:TimeBetweenRequests" },
        { "RateLimiting:TimeBetweenRequests", "00:00:00", GenesysCloudErrorCodes.TimeBetweenRequestsOutOfBounds, "GenesysCloud:RateLimiting:TimeBetweenRequests" },
        { "MaxRetries", "five", GenesysCloudErrorCodes.MaxRetriesTypeInvalid, "GenesysCloud:MaxRetries" },
        { "MaxRetries", "2.5", GenesysCloudErrorCodes.MaxRetriesTypeInvalid, "GenesysCloud:MaxRetries" },
        { "MaxRetries", "-1", GenesysCloudErrorCodes.MaxRetriesOutOfBounds, "GenesysCloud:MaxRetries" },
        { "MaxRetries", "11", GenesysCloudErrorCodes.MaxRetriesOutOfBounds, "GenesysCloud:MaxRetries" },
        { "ApiBaseAddress", "http://api.example.com/", GenesysCloudErrorCodes.BaseAddressInvalid, "GenesysCloud:ApiBaseAddress" },
        { "LoginBaseAddress", "ftp://127.0.0.1/", GenesysCloudErrorCodes.BaseAddressInvalid, "GenesysCloud:LoginBaseAddress" },
        { "RateLimiting:MaxConcurrentRequests", "0", GenesysCloudErrorCodes.OptionOutOfBounds, "GenesysCloud:RateLimiting:MaxConcurrentRequests" },
        { "RateLimiting:MaxBacklog", "0", GenesysCloudErrorCodes.OptionOutOfBounds, "GenesysCloud:RateLimiting:MaxBacklog" },
        { "RateLimiting:Mode", "Turbo", GenesysCloudErrorCodes.OptionOutOfBounds, "GenesysCloud:RateLimiting:Mode" },
        { "StartupBehavior", "Maybe", GenesysCloudErrorCodes.OptionOutOfBounds, "GenesysCloud:StartupBehavior" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_rule_fails_with_its_key_and_code(string key, string? value, string code, string keyInMessage)
    {
        var failures = Validate(new Dictionary<string, string?> { [$"GenesysCloud:{key}"] = value });

        var failure = Assert.Single(failures, f => f.Contains($"[{code}]", StringComparison.Ordinal));
        Assert.StartsWith(keyInMessage, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_configuration_passes_and_binds_every_key()
    {
        var config = new Dictionary<string, string?>(Valid)
        {
            ["GenesysCloud:SocketTimeout"] = "00:00:30",
            ["GenesysCloud:MaxRetries"] = "0",
            ["GenesysCloud:RateLimiting:Mode"] = "fixed",
            ["GenesysCloud:RateLimiting:TimeBetweenRequests"] = "00:00:00.100",
            ["GenesysCloud:RateLimiting:MaxBacklog"] = "1000",
            ["GenesysCloud:Retry:RetryNonIdempotentRequests"] = "true",
            ["GenesysCloud:ShutdownBehavior"] = "ClearBacklog",
        };
        var options = Bind(config);

        Assert.True(new GenesysCloudOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromSeconds(30), options.SocketTimeout);
        Assert.Equal(0, options.MaxRetries);
        Assert.Equal(GenesysCloudPacingMode.Fixed, options.RateLimiting.Mode);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.RateLimiting.TimeBetweenRequests);
        Assert.Equal(1000, options.RateLimiting.MaxBacklog);
        Assert.True(options.Retry.RetryNonIdempotentRequests);
        Assert.Equal(GenesysCloudShutdownBehavior.ClearBacklog, options.ShutdownBehavior);
    }

    [Fact]
    public void Defaults_match_the_documentation()
    {
        var options = new GenesysCloudOptions();
        Assert.Equal(TimeSpan.FromSeconds(60), options.SocketTimeout);
        Assert.Equal(5, options.MaxRetries);
        Assert.Equal(GenesysCloudPacingMode.Adaptive, options.RateLimiting.Mode);
        Assert.Equal(TimeSpan.FromMilliseconds(200), options.RateLimiting.TimeBetweenRequests);
        Assert.Equal(300, options.RateLimiting.MaxConcurrentRequests);
        Assert.Null(options.RateLimiting.MaxBacklog);
        Assert.Equal(TimeSpan.FromSeconds(60), options.RateLimiting.DefaultRetryAfter);
        Assert.False(options.Retry.RetryNonIdempotentRequests);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Retry.MaxRetryAfter);
        Assert.Equal(64L * 1024 * 1024, options.MaxResponseContentLength);
    }

    [Fact]
    public void Loopback_http_base_addresses_are_allowed_and_replace_the_region()
    {
        var options = Bind(new Dictionary<string, string?>(Valid)
        {
            ["GenesysCloud:Region"] = null,
            ["GenesysCloud:ApiBaseAddress"] = "http://127.0.0.1:5080",
            ["GenesysCloud:LoginBaseAddress"] = "http://localhost:5080/",
        });

        Assert.True(new GenesysCloudOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal("http://127.0.0.1:5080/", options.ResolvedApiBaseAddress.AbsoluteUri);
        Assert.Equal("http://localhost:5080/", options.ResolvedLoginBaseAddress.AbsoluteUri);
    }

    [Fact]
    public void The_secret_value_never_appears_in_failures()
    {
        var failures = Validate(new Dictionary<string, string?>
        {
            ["GenesysCloud:ClientId"] = "top-secret-value",
            ["GenesysCloud:Region"] = "nowhere",
            ["GenesysCloud:SocketTimeout"] = "0",
        });

        Assert.NotEmpty(failures);
        Assert.DoesNotContain(failures, f => f.Contains(Valid["GenesysCloud:ClientSecret"]!, StringComparison.Ordinal) && !f.Contains("ClientId", StringComparison.Ordinal));
    }

    [Fact]
    public void Messages_name_the_key_under_the_section_actually_bound()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tenants:Contoso:ClientId"] = "f6eb9da0-4590-4bb7-82a0-f85afbfa1070",
            ["Tenants:Contoso:ClientSecret"] = "s",
            ["Tenants:Contoso:Region"] = "us-east-1",
            ["Tenants:Contoso:SocketTimeout"] = "00:00:00",
            ["Tenants:Contoso:RateLimiting:MaxConcurrentRequests"] = "5000",
            ["Tenants:Contoso:Retry:BaseDelay"] = "soon",
        }).Build().GetSection("Tenants:Contoso");
        var options = new GenesysCloudOptions();
        GenesysCloudOptionsBinder.Bind(section, options);

        var failures = new GenesysCloudOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(3, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Tenants:Contoso:SocketTimeout ", StringComparison.Ordinal) && f.EndsWith($"[{GenesysCloudErrorCodes.SocketTimeoutOutOfBounds}]", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Tenants:Contoso:RateLimiting:MaxConcurrentRequests must be from 1 to 1000; the value 5000 is not.", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Tenants:Contoso:Retry:BaseDelay must be a duration", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("GenesysCloud:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_reported_with_a_type_error_code()
    {
        var failures = Validate(new Dictionary<string, string?> { ["GenesysCloud:TokenRefreshBeforeExpiry"] = "five minutes" });

        var failure = Assert.Single(failures);
        Assert.StartsWith("GenesysCloud:TokenRefreshBeforeExpiry must be a duration", failure, StringComparison.Ordinal);
        Assert.EndsWith($"[{GenesysCloudErrorCodes.OptionTypeInvalid}]", failure, StringComparison.Ordinal);
    }

    private static List<string> Validate(Dictionary<string, string?> overrides)
    {
        var config = new Dictionary<string, string?>(Valid);
        foreach (var pair in overrides)
        {
            config[pair.Key] = pair.Value;
        }

        var result = new GenesysCloudOptionsValidator().Validate(null, Bind(config));
        Assert.True(result.Failed);
        return [.. result.Failures];
    }

    private static GenesysCloudOptions Bind(Dictionary<string, string?> values)
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("GenesysCloud");
        var options = new GenesysCloudOptions();
        GenesysCloudOptionsBinder.Bind(section, options);
        return options;
    }
}
