using System.Text.Json.Nodes;
using GenesysCloud.Extensions.Simulator.Http;

namespace GenesysCloud.Extensions.Simulator.Organization;

/// <summary>The routes answered from the seeded organization: queues and their members, users, wrap-up codes.</summary>
internal static class OrganizationEndpoints
{
    private const string Queues = "/api/v2/routing/queues";
    private const string Users = "/api/v2/users";
    private const string WrapupCodes = "/api/v2/routing/wrapupcodes";

    public static void Map(RouteTable routes)
    {
        routes.Add("GET", Queues, "getRoutingQueues", r => ListQueues(r, Store(r)));
        routes.Add("POST", Queues, "postRoutingQueues", r => CreateQueue(r, Store(r)));
        routes.Add("GET", Queues + "/{queueId}", "getRoutingQueue", r => Found(r, Store(r).GetQueue(r.RouteValues["queueId"]), "queue"));
        routes.Add("PUT", Queues + "/{queueId}", "putRoutingQueue", r => ReplaceQueue(r, Store(r)));
        routes.Add("DELETE", Queues + "/{queueId}", "deleteRoutingQueue", r => Deleted(r, Store(r).DeleteQueue(r.RouteValues["queueId"]), "queue"));
        routes.Add("GET", Queues + "/{queueId}/members", "getRoutingQueueMembers", r => ListQueueMembers(r, Store(r)));
        routes.Add("PATCH", Queues + "/{queueId}/members/{memberId}", "patchRoutingQueueMember", r => PatchQueueMember(r, Store(r)));
        routes.Add("DELETE", Queues + "/{queueId}/members/{memberId}", "deleteRoutingQueueMember", r =>
            Deleted(r, Store(r).RemoveQueueMember(r.RouteValues["queueId"], r.RouteValues["memberId"]), "queue member"));

        routes.Add("GET", Users, "getUsers", r => ListUsers(r, Store(r)));
        routes.Add("GET", Users + "/query", "getUsersQuery", r => QueryUsers(r, Store(r)));
        routes.Add("GET", Users + "/me", "getUsersMe", UsersMe);
        routes.Add("GET", Users + "/{userId}", "getUser", r => Found(r, Store(r).GetUser(r.RouteValues["userId"]), "user"));
        routes.Add("PATCH", Users + "/{userId}", "patchUser", r => PatchUser(r, Store(r)));

        routes.Add("GET", WrapupCodes, "getRoutingWrapupcodes", r => ListWrapupCodes(r, Store(r)));
        routes.Add("POST", WrapupCodes, "postRoutingWrapupcodes", r => CreateWrapupCode(r, Store(r)));
        routes.Add("GET", WrapupCodes + "/{codeId}", "getRoutingWrapupcode", r => Found(r, Store(r).GetWrapupCode(r.RouteValues["codeId"]), "wrap-up code"));
        routes.Add("PUT", WrapupCodes + "/{codeId}", "putRoutingWrapupcode", r => ReplaceWrapupCode(r, Store(r)));
        routes.Add("DELETE", WrapupCodes + "/{codeId}", "deleteRoutingWrapupcode", r => Deleted(r, Store(r).DeleteWrapupCode(r.RouteValues["codeId"]), "wrap-up code"));
    }

    /// <summary>
    /// The user a user token acts as. Client-credentials tokens have no user; Genesys refuses them with this 400 (the code and
    /// message as the community reports them).
    /// </summary>
    private static SimulatorResult UsersMe(SimulatorRequest request)
    {
        if (request.Token!.UserId is not { } userId)
        {
            return GenesysErrors.Create(400, "not.a.user", "This request requires a user context. Client credentials cannot be used for requests to this resource.", request.CorrelationId);
        }

        return Found(request, Store(request).GetUser(userId), "user");
    }

    /// <summary>The data of the organization the request's token belongs to.</summary>
    private static OrganizationStore Store(SimulatorRequest request) => request.Token!.Organization.Store;

    private static SimulatorResult ListQueues(SimulatorRequest request, OrganizationStore store)
    {
        if (PageListing.TryReadPaging(request, out var pageNumber, out var pageSize) is { } error)
        {
            return error;
        }

        var filters = new List<KeyValuePair<string, string>>();
        IEnumerable<JsonObject> queues = store.ListQueues();
        var name = request.Query["name"].ToString();
        if (name.Length > 0)
        {
            // Genesys matches the name case-insensitively, with leading and trailing asterisks as wildcards.
            queues = queues.Where(q => NameFilter.Matches((string?)q["name"], name));
            filters.Add(new("name", name));
        }

        if (IsDescending(request))
        {
            queues = queues.Reverse();
            filters.Add(new("sortOrder", request.Query["sortOrder"].ToString()));
        }

        return SimulatorResult.Ok(PageListing.Create(Queues, queues.ToList(), pageNumber, pageSize, filters));
    }

    private static SimulatorResult CreateQueue(SimulatorRequest request, OrganizationStore store)
    {
        if ((RequestBody.TryReadObject(request, out var body) ?? RequestBody.RequireString(request, body, "name")) is { } error)
        {
            return error;
        }

        return ToResult(request, store.CreateQueue(body, Author(request)), "queue");
    }

    private static SimulatorResult ReplaceQueue(SimulatorRequest request, OrganizationStore store)
    {
        if ((RequestBody.TryReadObject(request, out var body) ?? RequestBody.RequireString(request, body, "name")) is { } error)
        {
            return error;
        }

        return ToResult(request, store.ReplaceQueue(request.RouteValues["queueId"], body, Author(request)), "queue");
    }

    private static SimulatorResult ListQueueMembers(SimulatorRequest request, OrganizationStore store)
    {
        if (PageListing.TryReadPaging(request, out var pageNumber, out var pageSize) is { } error)
        {
            return error;
        }

        var queueId = request.RouteValues["queueId"];
        if (store.ListQueueMembers(queueId) is not { } members)
        {
            return GenesysErrors.NotFound($"The queue [{queueId}] was not found.", request.CorrelationId);
        }

        var filters = new List<KeyValuePair<string, string>>();
        var joined = request.Query["joined"].ToString();
        if (joined.Length > 0)
        {
            if (!bool.TryParse(joined, out var wanted))
            {
                return GenesysErrors.BadRequest($"Value [{joined}] is not valid for field [joined]. It must be a boolean.", request.CorrelationId);
            }

            members = members.Where(m => (bool)m["joined"]! == wanted).ToList();
            filters.Add(new("joined", joined));
        }

        // QueueMemberEntityListing has no total, pageCount or lastUri in Genesys's contract.
        return SimulatorResult.Ok(PageListing.Create($"{Queues}/{queueId}/members", members, pageNumber, pageSize, filters, includeTotals: false));
    }

    private static SimulatorResult PatchQueueMember(SimulatorRequest request, OrganizationStore store)
    {
        if (RequestBody.TryReadObject(request, out var body) is { } error)
        {
            return error;
        }

        var update = store.PatchQueueMember(request.RouteValues["queueId"], request.RouteValues["memberId"], body);
        return update.Status == 200 ? SimulatorResult.Empty(204) : ToResult(request, update, "queue member");
    }

    private static SimulatorResult ListUsers(SimulatorRequest request, OrganizationStore store)
    {
        if (PageListing.TryReadPaging(request, out var pageNumber, out var pageSize) is { } error)
        {
            return error;
        }

        var users = store.ListUsers();
        var filters = new List<KeyValuePair<string, string>>();
        var ids = request.Query["id"].SelectMany(static v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (ids.Count > 0)
        {
            users = users.Where(u => ids.Contains((string)u["id"]!)).ToList();
            filters.AddRange(ids.Select(static id => new KeyValuePair<string, string>("id", id)));
        }

        return SimulatorResult.Ok(PageListing.Create(Users, users, pageNumber, pageSize, filters));
    }

    private static SimulatorResult QueryUsers(SimulatorRequest request, OrganizationStore store)
    {
        if (PageListing.TryReadPaging(request, out _, out var pageSize) is { } error)
        {
            return error;
        }

        if (CursorListing.TryReadCursor(request, out var offset) is { } cursorError)
        {
            return cursorError;
        }

        var users = store.ListUsers();
        if (IsDescending(request))
        {
            users.Reverse();
        }

        return SimulatorResult.Ok(CursorListing.Create(Users + "/query", users, offset, pageSize, request.Query["cursor"].ToString()));
    }

    private static SimulatorResult PatchUser(SimulatorRequest request, OrganizationStore store) =>
        RequestBody.TryReadObject(request, out var body) is { } error
            ? error
            : ToResult(request, store.PatchUser(request.RouteValues["userId"], body), "user");

    private static SimulatorResult ListWrapupCodes(SimulatorRequest request, OrganizationStore store)
    {
        if (PageListing.TryReadPaging(request, out var pageNumber, out var pageSize) is { } error)
        {
            return error;
        }

        IEnumerable<JsonObject> codes = store.ListWrapupCodes();
        var filters = new List<KeyValuePair<string, string>>();
        var name = request.Query["name"].ToString();
        if (name.Length > 0)
        {
            codes = codes.Where(c => NameFilter.Matches((string?)c["name"], name));
            filters.Add(new("name", name));
        }

        if (IsDescending(request))
        {
            codes = codes.Reverse();
            filters.Add(new("sortOrder", request.Query["sortOrder"].ToString()));
        }

        return SimulatorResult.Ok(PageListing.Create(WrapupCodes, codes.ToList(), pageNumber, pageSize, filters));
    }

    private static SimulatorResult CreateWrapupCode(SimulatorRequest request, OrganizationStore store)
    {
        if ((RequestBody.TryReadObject(request, out var body) ?? RequestBody.RequireString(request, body, "name")) is { } error)
        {
            return error;
        }

        return ToResult(request, store.CreateWrapupCode(body, Author(request)), "wrap-up code");
    }

    private static SimulatorResult ReplaceWrapupCode(SimulatorRequest request, OrganizationStore store)
    {
        if ((RequestBody.TryReadObject(request, out var body) ?? RequestBody.RequireString(request, body, "name")) is { } error)
        {
            return error;
        }

        return ToResult(request, store.ReplaceWrapupCode(request.RouteValues["codeId"], body, Author(request)), "wrap-up code");
    }

    /// <summary>Who a write is attributed to (<c>createdBy</c>, <c>modifiedBy</c>): the user of a user token, else the OAuth client.</summary>
    private static string? Author(SimulatorRequest request) => request.Token?.UserId ?? request.Token?.ClientId;

    private static bool IsDescending(SimulatorRequest request) =>
        string.Equals(request.Query["sortOrder"].ToString(), "desc", StringComparison.OrdinalIgnoreCase);

    private static SimulatorResult Found(SimulatorRequest request, JsonObject? entity, string kind) =>
        entity is not null ? SimulatorResult.Ok(entity) : GenesysErrors.NotFound($"The {kind} [{request.RouteValues.Values.Last()}] was not found.", request.CorrelationId);

    private static SimulatorResult Deleted(SimulatorRequest request, bool deleted, string kind) =>
        deleted ? SimulatorResult.Empty(204) : GenesysErrors.NotFound($"The {kind} [{request.RouteValues.Values.Last()}] was not found.", request.CorrelationId);

    private static SimulatorResult ToResult(SimulatorRequest request, EntityUpdate update, string kind) => update.Status switch
    {
        200 => SimulatorResult.Ok(update.Entity!),
        404 => GenesysErrors.NotFound($"The {kind} [{request.RouteValues.Values.LastOrDefault()}] was not found.", request.CorrelationId),
        409 => GenesysErrors.Create(409, "general.conflict", update.Message!, request.CorrelationId),
        _ => GenesysErrors.BadRequest(update.Message!, request.CorrelationId),
    };
}
