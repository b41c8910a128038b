using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenesysCloud.Extensions.Simulator.Http;
using GenesysCloud.Extensions.Simulator.Organization;

namespace GenesysCloud.Extensions.Simulator.Notifications;

/// <summary>
/// The Notifications API routes: channels (<c>POST</c>, <c>GET</c>, <c>HEAD</c>; no <c>DELETE</c>, as in Genesys Cloud) and their
/// subscriptions (<c>GET</c>, <c>PUT</c>, <c>POST</c>, <c>DELETE</c>; the body is a bare array of <c>{"id": topic}</c>). A channel
/// belongs to the OAuth client that created it, in the organization of the token that created it.
/// </summary>
internal static class NotificationEndpoints
{
    private const string Channels = "/api/v2/notifications/channels";

    public static void Map(RouteTable routes)
    {
        routes.Add("POST", Channels, "postNotificationsChannels", static r => Create(r, Hub(r)));
        // includechannels=token (the default) lists the calling token's channels; oauthclient those of every token of the client.
        routes.Add("GET", Channels, "getNotificationsChannels", static r => SimulatorResult.Ok(new JsonObject
        {
            ["entities"] = new JsonArray([.. Hub(r).List(r.Token!, allTokens: string.Equals(r.Query["includechannels"], "oauthclient", StringComparison.OrdinalIgnoreCase))
                .Select(c => Describe(r, c.Id, c.Expires))]),
        }));
        // A HEAD answer has no body, so the 404 carries none either (not even its length).
        routes.Add("HEAD", Channels + "/{channelId}", "headNotificationsChannel", static r =>
            SimulatorResult.Empty(Hub(r).Find(r.Token!.ClientId, r.RouteValues["channelId"]) is null ? 404 : 200));
        routes.Add("GET", Channels + "/{channelId}/subscriptions", "getNotificationsChannelSubscriptions", static r =>
            Hub(r).Find(r.Token!.ClientId, r.RouteValues["channelId"]) is { } channel
                ? SimulatorResult.Ok(Listing(channel.Describe().Topics.Select(static t => (t, (string?)null))))
                : NotFound(r));
        routes.Add("PUT", Channels + "/{channelId}/subscriptions", "putNotificationsChannelSubscriptions", static r => Subscribe(r, Hub(r), replace: true));
        routes.Add("POST", Channels + "/{channelId}/subscriptions", "postNotificationsChannelSubscriptions", static r => Subscribe(r, Hub(r), replace: false));
        routes.Add("DELETE", Channels + "/{channelId}/subscriptions", "deleteNotificationsChannelSubscriptions", static r =>
        {
            var hub = Hub(r);
            if (hub.Find(r.Token!.ClientId, r.RouteValues["channelId"]) is not { } channel)
            {
                return NotFound(r);
            }

            hub.Unsubscribe(channel);
            return SimulatorResult.Empty(204);
        });
    }

    /// <summary>The Notifications service of the organization whose token authenticated the request.</summary>
    private static SimulatorNotifications Hub(SimulatorRequest request) => request.Token!.Organization.Notifications;

    private static SimulatorResult Create(SimulatorRequest request, SimulatorNotifications hub)
    {
        var channel = hub.Create(request.Token!);
        return SimulatorResult.Ok(Describe(request, channel.Id, channel.Expires));
    }

    private static JsonObject Describe(SimulatorRequest request, string id, DateTimeOffset expires)
    {
        // The connectUri carries no token: as in Genesys Cloud, the channel id is what the socket connects to.
        var host = request.HttpContext.Request.Host.Value;
        return new JsonObject
        {
            ["connectUri"] = $"ws://{host}/channels/{id}",
            ["id"] = id,
            ["expires"] = GenesysDates.Format(expires),
        };
    }

    private static SimulatorResult Subscribe(SimulatorRequest request, SimulatorNotifications hub, bool replace)
    {
        if (hub.Find(request.Token!.ClientId, request.RouteValues["channelId"]) is not { } channel)
        {
            return NotFound(request);
        }

        List<string> topics;
        try
        {
            if (JsonNode.Parse(request.Body) is not JsonArray array)
            {
                return GenesysErrors.BadRequest("The request body must be an array of topics ({\"id\": topic}).", request.CorrelationId);
            }

            topics = [];
            foreach (var item in array)
            {
                if (item is not JsonObject topic || topic["id"] is not JsonValue value || !value.TryGetValue<string>(out var id) || string.IsNullOrWhiteSpace(id))
                {
                    return GenesysErrors.BadRequest("Every topic needs an id.", request.CorrelationId);
                }

                topics.Add(id);
            }
        }
        catch (JsonException)
        {
            return GenesysErrors.BadRequest("The request could not be understood by the server due to malformed syntax.", request.CorrelationId);
        }

        var ignoreErrors = bool.TryParse(request.Query["ignoreErrors"], out var ignore) && ignore;
        var (result, error) = hub.Subscribe(channel, topics, replace, ignoreErrors);
        return error is null ? SimulatorResult.Ok(Listing(result)) : GenesysErrors.BadRequest(error, request.CorrelationId);
    }

    private static JsonObject Listing(IEnumerable<(string Topic, string? Rejection)> topics) => new()
    {
        ["entities"] = new JsonArray([.. topics.Select(static t => (JsonNode)new JsonObject
        {
            ["id"] = t.Topic,
            ["state"] = t.Rejection is null ? "Permitted" : "Rejected",
            ["rejectionReason"] = t.Rejection,
            ["missingPermissions"] = t.Rejection == "missing permissions" ? new JsonArray("notifications:topic:view") : null,
            ["selfUri"] = "/api/v2/notifications/availabletopics/" + Uri.EscapeDataString(t.Topic),
        })]),
    };

    private static SimulatorResult NotFound(SimulatorRequest request) =>
        GenesysErrors.NotFound(string.Create(CultureInfo.InvariantCulture, $"The channel [{request.RouteValues["channelId"]}] was not found."), request.CorrelationId);
}
