using GenesysCloud.Extensions.Options;

namespace GenesysCloud.Extensions.Tests.Options;

public sealed class GenesysCloudRegionsTests
{
    [Theory]
    [InlineData("us-east-1", "mypurecloud.com")]
    [InlineData("eu-west-1", "mypurecloud.ie")]
    [InlineData("eu-central-1", "mypurecloud.de")]
    [InlineData("ap-northeast-1", "mypurecloud.jp")]
    [InlineData("ap-southeast-2", "mypurecloud.com.au")]
    [InlineData("us-west-2", "usw2.pure.cloud")]
    [InlineData("ca-central-1", "cac1.pure.cloud")]
    [InlineData("ap-northeast-2", "apne2.pure.cloud")]
    [InlineData("eu-west-2", "euw2.pure.cloud")]
    [InlineData("ap-south-1", "aps1.pure.cloud")]
    [InlineData("us-east-2", "use2.us-gov-pure.cloud")]
    [InlineData("sa-east-1", "sae1.pure.cloud")]
    [InlineData("me-central-1", "mec1.pure.cloud")]
    [InlineData("ap-northeast-3", "apne3.pure.cloud")]
    [InlineData("eu-central-2", "euc2.pure.cloud")]
    [InlineData("mx-central-1", "mxc1.pure.cloud")]
    [InlineData("ap-southeast-1", "apse1.pure.cloud")]
    [InlineData("eusc-de-east-1", "edee1.eusc-pure.cloud")]
    public void Every_region_maps_to_its_api_and_login_hosts(string name, string domain)
    {
        Assert.True(GenesysCloudRegions.TryGet(name, out var region));
        Assert.Equal(new Uri($"https://api.{domain}/"), region.ApiBaseAddress);
        Assert.Equal(new Uri($"https://login.{domain}/"), region.LoginBaseAddress);
    }

    [Fact]
    public void The_table_has_exactly_18_regions_and_lookups_ignore_case_and_spaces()
    {
        Assert.Equal(18, GenesysCloudRegions.All.Count);
        Assert.True(GenesysCloudRegions.TryGet("  EU-West-1 ", out var region));
        Assert.Equal("eu-west-1", region.Name);
        Assert.False(GenesysCloudRegions.TryGet("eu-west-9", out _));
    }
}
