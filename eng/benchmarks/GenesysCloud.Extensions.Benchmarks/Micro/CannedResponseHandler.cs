using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace GenesysCloud.Extensions.Benchmarks.Micro;

/// <summary>
/// An in-memory primary handler: the token endpoint gets a token, every other request the same canned
/// queue (no <c>inin-ratelimit-*</c> headers, so the adaptive pacer sees no budget).
/// </summary>
internal sealed class CannedResponseHandler : HttpMessageHandler
{
    public const string QueueId = "7f4a0c9e-3a55-4a0e-9bde-2c1f0b7e5d11";

    public static readonly byte[] QueueJson = Encoding.UTF8.GetBytes(
        """
        {"id":"7f4a0c9e-3a55-4a0e-9bde-2c1f0b7e5d11","name":"Support - Tier 1","division":{"id":"a1b2c3d4-0000-4000-8000-000000000001","name":"Home","selfUri":"/api/v2/authorization/divisions/a1b2c3d4-0000-4000-8000-000000000001"},"description":"First line support","dateCreated":"2024-01-01T00:00:00.000Z","dateModified":"2024-06-01T12:30:00.000Z","modifiedBy":"b1b2c3d4-0000-4000-8000-000000000002","createdBy":"b1b2c3d4-0000-4000-8000-000000000002","memberCount":42,"userMemberCount":42,"joinedMemberCount":30,"mediaSettings":{"call":{"alertingTimeoutSeconds":8,"serviceLevel":{"percentage":0.8,"durationMs":20000}},"chat":{"alertingTimeoutSeconds":30,"serviceLevel":{"percentage":0.8,"durationMs":20000}}},"acwSettings":{"wrapupPrompt":"MANDATORY_TIMEOUT","timeoutMs":30000},"skillEvaluationMethod":"BEST","autoAnswerOnly":false,"enableTranscription":true,"enableManualAssignment":false,"callingPartyName":"Support","callingPartyNumber":"+13175550100","selfUri":"/api/v2/routing/queues/7f4a0c9e-3a55-4a0e-9bde-2c1f0b7e5d11"}
        """);

    private static readonly byte[] TokenJson = Encoding.UTF8.GetBytes(
        """{"access_token":"benchmark-token","token_type":"bearer","expires_in":86400}""");

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var body = path.EndsWith("/oauth/token", StringComparison.Ordinal) ? TokenJson
            : request.Method == HttpMethod.Delete ? [] : QueueJson;
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
