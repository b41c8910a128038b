using System.Globalization;
using System.Text.Json.Nodes;
using GenesysCloud.Extensions.Simulator.Http;
using GenesysCloud.Extensions.Simulator.Organization;

namespace GenesysCloud.Extensions.Simulator.Analytics;

/// <summary>
/// The asynchronous analytics details jobs of conversations and users: submit (<c>AsyncQueryResponse</c>), poll
/// (<c>AsyncQueryStatus</c>), page the results by cursor (<c>AnalyticsConversationAsyncQueryResponse</c>,
/// <c>AnalyticsUserDetailsAsyncQueryResponse</c>), cancel, and the data availability date. Ordinary API calls: authenticated and
/// counted against the token's budget.
/// </summary>
internal static class AnalyticsJobEndpoints
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public static void Map(RouteTable routes)
    {
        foreach (var (kind, prefix, operation, property) in (ReadOnlySpan<(string, string, string, string)>)
            [("conversations", "/api/v2/analytics/conversations/details/jobs", "AnalyticsConversationsDetails", "conversations"),
             ("users", "/api/v2/analytics/users/details/jobs", "AnalyticsUsersDetails", "userDetails")])
        {
            routes.Add("POST", prefix, $"post{operation}Jobs", r => Submit(r, kind));
            routes.Add("GET", prefix + "/availability", $"get{operation}JobsAvailability", static r =>
                SimulatorResult.Ok(new JsonObject { ["dataAvailabilityDate"] = GenesysDates.Format(Now(r)) }));
            routes.Add("GET", prefix + "/{jobId}", $"get{operation}Job", r => WithJob(r, kind, job => SimulatorResult.Ok(Describe(job, Now(r)))));
            routes.Add("DELETE", prefix + "/{jobId}", $"delete{operation}Job", r => WithJob(r, kind, job =>
            {
                job.End("CANCELLED", Now(r));
                return SimulatorResult.Empty(204);
            }));
            routes.Add("GET", prefix + "/{jobId}/results", $"get{operation}JobResults", r => WithJob(r, kind, job => Results(r, job, property)));
        }
    }

    private static SimulatorAnalyticsJobs Jobs(SimulatorRequest request) => request.Token!.Organization.AnalyticsJobs;

    private static DateTimeOffset Now(SimulatorRequest request) => request.Token!.Organization.TimeProvider.GetUtcNow();

    private static SimulatorResult Submit(SimulatorRequest request, string kind)
    {
        if (RequestBody.TryReadObject(request, out var query) is { } error)
        {
            return error;
        }

        if (!AnalyticsInterval.TryParse((string?)(query["interval"] as JsonValue), out var interval))
        {
            return GenesysErrors.BadRequest("The field [interval] is required and must be an ISO-8601 interval such as 2024-05-01T00:00:00.000Z/2024-05-02T00:00:00.000Z.", request.CorrelationId);
        }

        if (query["limit"] is { } limit && (limit is not JsonValue value || !value.TryGetValue<int>(out var max) || max < 1))
        {
            return GenesysErrors.BadRequest("The field [limit] must be a positive integer.", request.CorrelationId);
        }

        // The spec answers 200 with an AsyncQueryResponse.
        var job = Jobs(request).Submit(kind, interval, (JsonObject)query.DeepClone());
        return SimulatorResult.Ok(new JsonObject { ["jobId"] = job.Id });
    }

    private static SimulatorResult WithJob(SimulatorRequest request, string kind, Func<AnalyticsJob, SimulatorResult> handle)
    {
        var jobId = request.RouteValues["jobId"];
        return Jobs(request).Find(jobId) is { } job && job.Kind == kind
            ? handle(job)
            : GenesysErrors.NotFound($"The analytics job [{jobId}] was not found.", request.CorrelationId);
    }

    private static JsonObject Describe(AnalyticsJob job, DateTimeOffset now)
    {
        var (state, completedAt, expiresAt, error) = job.Status(now);
        var status = new JsonObject { ["state"] = state };
        if (error is not null)
        {
            status["errorMessage"] = error;
        }

        if (expiresAt is { } expires)
        {
            status["expirationDate"] = GenesysDates.Format(expires);
        }

        status["submissionDate"] = GenesysDates.Format(job.SubmittedAt);
        if (completedAt is { } completed)
        {
            status["completionDate"] = GenesysDates.Format(completed);
        }

        return status;
    }

    private static SimulatorResult Results(SimulatorRequest request, AnalyticsJob job, string property)
    {
        var now = Now(request);
        var state = job.Status(now).State;
        if (state != "FULFILLED")
        {
            return GenesysErrors.BadRequest($"The results of analytics job [{job.Id}] are not available: the job is {state}.", request.CorrelationId);
        }

        var pageSize = DefaultPageSize;
        var pageSizeText = request.Query["pageSize"].ToString();
        if (pageSizeText.Length > 0 && (!int.TryParse(pageSizeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1 || pageSize > MaxPageSize))
        {
            return GenesysErrors.BadRequest($"Value [{pageSizeText}] is not valid for field [pageSize]. It must be an integer from 1 to {MaxPageSize}.", request.CorrelationId);
        }

        if (CursorListing.TryReadCursor(request, out var offset) is { } cursorError)
        {
            return cursorError;
        }

        var results = job.Results(Jobs(request).Generator);
        var page = new JsonArray();
        foreach (var item in results.Skip(offset).Take(pageSize))
        {
            page.Add(item.DeepClone());
        }

        var body = new JsonObject { [property] = page };
        if (offset + pageSize < results.Count)
        {
            body["cursor"] = CursorListing.Encode(offset + pageSize);
        }

        body["dataAvailabilityDate"] = GenesysDates.Format(now);
        return SimulatorResult.Ok(body);
    }
}
