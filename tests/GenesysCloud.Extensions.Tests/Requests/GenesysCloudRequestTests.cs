using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Requests;

namespace GenesysCloud.Extensions.Tests.Requests;

public sealed class GenesysCloudRequestTests
{
    [Theory]
    [InlineData("a/b c?", "a%2Fb%20c%3F")]
    [InlineData("a..b", "a..b")]
    [InlineData("../x", "..%2Fx")]
    [InlineData("x#y%z", "x%23y%25z")]
    [InlineData("line\r\nbreak", "line%0D%0Abreak")]
    [InlineData("é☃", "%C3%A9%E2%98%83")]
    public void Path_parameters_are_percent_encoded_so_the_path_keeps_its_shape(string value, string expected)
    {
        var request = new GenesysCloudRequest(HttpMethod.Get, "/api/v2/routing/queues/{queueId}/members")
            .WithPathParameter("queueId", value);

        var uri = request.BuildRelativeUri();

        Assert.Equal($"api/v2/routing/queues/{expected}/members", uri);
        var absolute = new Uri(new Uri("https://api.mypurecloud.com/"), uri);
        Assert.Equal(7, absolute.AbsolutePath.Split('/').Length);
        Assert.EndsWith("/members", absolute.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_parameters_repeat_arrays_omit_nulls_and_format_invariantly()
    {
        var request = new GenesysCloudRequest(HttpMethod.Get, "/api/v2/users")
            .WithQueryParameter("id", new[] { "a", "b" })
            .WithQueryParameter("missing", null)
            .WithQueryParameter("active", true)
            .WithQueryParameter("since", new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)))
            .WithQueryParameter("pageSize", 100)
            .WithQueryParameter("ratio", 1.5);

        Assert.Equal(
            "api/v2/users?id=a&id=b&active=true&since=2024-05-06T05%3A08%3A09.000Z&pageSize=100&ratio=1.5",
            request.BuildRelativeUri());
    }

    [Theory]
    [InlineData("")]
    [InlineData("api/v2/users")]
    [InlineData("/api/v1/users")]
    [InlineData("/api/v2/users?x=1")]
    [InlineData("/api/v2/users#frag")]
    [InlineData("/api/v2//users")]
    [InlineData("/api/v2/users/{id")]
    [InlineData("/api/v2/users/{}")]
    [InlineData("/api/v2/../users")]
    [InlineData("/api/v2/users/{id}/{id}")]
    public void Invalid_path_templates_are_rejected_with_a_typed_error(string template)
    {
        var ex = Assert.Throws<GenesysCloudArgumentException>(() => new GenesysCloudRequest(HttpMethod.Get, template));
        Assert.Equal(GenesysCloudErrorCodes.ApiCallPathInvalid, ex.ErrorCode);
    }

    [Theory]
    [InlineData("OPTIONS")]
    [InlineData("TRACE")]
    [InlineData("get")]
    public void Unsupported_methods_are_rejected(string method)
    {
        var ex = Assert.Throws<GenesysCloudArgumentException>(() => new GenesysCloudRequest(new HttpMethod(method), "/api/v2/users"));
        Assert.Equal(GenesysCloudErrorCodes.ApiCallMethodInvalid, ex.ErrorCode);
    }

    [Fact]
    public void Missing_unknown_or_empty_path_parameters_fail_before_anything_is_sent()
    {
        var request = new GenesysCloudRequest(HttpMethod.Get, "/api/v2/users/{userId}");

        Assert.Equal(GenesysCloudErrorCodes.ApiCallPathParametersInvalid, Assert.Throws<GenesysCloudArgumentException>(() => request.BuildRelativeUri()).ErrorCode);
        Assert.Equal(GenesysCloudErrorCodes.ApiCallPathParametersInvalid, Assert.Throws<GenesysCloudArgumentException>(() => request.WithPathParameter("other", "x")).ErrorCode);
        Assert.Equal(GenesysCloudErrorCodes.ApiCallPathParametersInvalid, Assert.Throws<GenesysCloudArgumentException>(() => request.WithPathParameter("userId", "")).ErrorCode);
        Assert.Equal(GenesysCloudErrorCodes.ApiCallPathParametersInvalid, Assert.Throws<GenesysCloudArgumentException>(() => request.WithPathParameter("userId", "..")).ErrorCode);
        Assert.Equal(GenesysCloudErrorCodes.ApiCallPathParametersInvalid, Assert.Throws<GenesysCloudArgumentException>(() => request.WithPathParameter("userId", ".")).ErrorCode);
    }

    [Theory]
    [InlineData("X-Test", "a\r\nInjected: yes")]
    [InlineData("X-Test", "a\nb")]
    [InlineData("Authorization", "Bearer x")]
    [InlineData("Bad Name", "x")]
    public void Invalid_or_reserved_headers_are_rejected(string name, string value)
    {
        var request = new GenesysCloudRequest(HttpMethod.Get, "/api/v2/users");
        var ex = Assert.Throws<GenesysCloudArgumentException>(() => request.WithHeader(name, value));
        Assert.Equal(GenesysCloudErrorCodes.ApiCallHeadersInvalid, ex.ErrorCode);
    }

    [Theory]
    [InlineData("application/json", "application/json; charset=utf-8")]
    [InlineData("text/plain; charset=utf-8", "text/plain; charset=utf-8")]
    public void A_text_body_keeps_its_text_and_media_type_and_says_utf_8(string contentType, string expected)
    {
        var request = new GenesysCloudRequest(HttpMethod.Post, "/api/v2/processautomation/triggers/{triggerId}/test")
            .WithTextBody("{\"a\":1}", contentType);

        Assert.Equal("{\"a\":1}", request.Body);
        Assert.Equal(expected, request.BodyContentType);
        Assert.Null(request.WithJsonBody(new { a = 1 }).BodyContentType);
    }

    [Theory]
    [InlineData("")]
    [InlineData("json")]
    [InlineData("text/plain\r\nX-Injected: 1")]
    public void A_text_body_with_a_bad_media_type_is_refused(string contentType)
    {
        var request = new GenesysCloudRequest(HttpMethod.Post, "/api/v2/users");

        var ex = Assert.Throws<GenesysCloudArgumentException>(() => request.WithTextBody("x", contentType));

        Assert.Equal("contentType", ex.ParamName);
    }
}
