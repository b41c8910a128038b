using System.Text.Json;
using System.Text.Json.Nodes;
using GenesysCloud.Extensions.Simulator.Hosting;
using GenesysCloud.Extensions.Simulator.Http;
using Microsoft.AspNetCore.Http;

namespace GenesysCloud.Extensions.Simulator.Notifications;

/// <summary>
/// In front of a host's API pipeline: the WebSockets of the channels of the host's organizations (<c>/channels/{channelId}</c>)
/// and the notifications part of the control API (<c>/_simulator/notifications</c>: state, events, faults; the default
/// organization's unless <c>?organization=name</c> names another), never authenticated, limited or recorded.
/// </summary>
internal sealed class NotificationControlApi
{
    public const string SocketPrefix = "/channels/";
    public const string Prefix = "/_simulator/notifications";

    private readonly SimulatorHost _host;
    private readonly IReadOnlyList<SimulatorOrganization> _organizations;
    private readonly RouteTable _routes = new();

    public NotificationControlApi(SimulatorHost host, IReadOnlyList<SimulatorOrganization> organizations)
    {
        _host = host;
        _organizations = organizations;
        _routes.Add("GET", Prefix, "getNotifications", static r => SimulatorResult.Ok(State(Hub(r))));
        _routes.Add("POST", Prefix + "/events", "publishNotification", static r => Publish(r, Hub(r)));
        _routes.Add("POST", Prefix + "/faults", "addNotificationFault", static r => Fault(r, Hub(r)));
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith(SocketPrefix, StringComparison.Ordinal) && path.Length > SocketPrefix.Length)
        {
            // A channel id is unique; only the host of the channel's organization serves its socket.
            var channelId = path[SocketPrefix.Length..];
            var hub = _host.Organizations.FirstOrDefault(o => o.Notifications.HasChannel(channelId))?.Notifications ?? _host.Primary.Notifications;
            await hub.HandleSocketAsync(context, channelId).ConfigureAwait(false);
            return;
        }

        if (!path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var request = new SimulatorRequest(context, Guid.NewGuid().ToString("D"), body, context.RequestAborted);
        var name = context.Request.Query["organization"].ToString();
        request.Organization = name.Length == 0 ? _organizations[0] : _organizations.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
        var result = request.Organization is null ? GenesysErrors.NotFound($"No organization [{name}].", request.CorrelationId)
            : _routes.Find(request.Method, request.Path) is var (route, values) ? Handle(route, values, request)
            : GenesysErrors.NotFound($"No notifications control operation {request.Method} [{request.Path}].", request.CorrelationId);
        await ResultWriter.WriteAsync(context, result).ConfigureAwait(false);
    }

    private static SimulatorResult Handle(SeededRoute route, Dictionary<string, string> values, SimulatorRequest request)
    {
        request.RouteValues = values;
        return route.Handler(request);
    }

    private static SimulatorNotifications Hub(SimulatorRequest request) => request.Organization!.Notifications;

    private static JsonObject State(SimulatorNotifications hub) => new()
    {
        ["published"] = hub.PublishedCount,
        ["delivered"] = hub.DeliveredCount,
        ["undelivered"] = hub.UndeliveredCount,
        ["channelsCreated"] = hub.ChannelsCreated,
        ["channelsEvicted"] = hub.ChannelsEvicted,
        ["maxChannelsPerClient"] = hub.MaxChannelsPerClient,
        ["socketConnections"] = hub.SocketConnections,
        ["channels"] = new JsonArray([.. hub.Channels.Select(static c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id,
            ["clientId"] = c.ClientId,
            ["topics"] = c.Topics.Count,
            ["connected"] = c.Connected,
            ["expires"] = c.Expires.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        })]),
    };

    // {"topic": "...", "eventBody": {...}} | {"kind": "conversation", "queueId": "..."} | {"kind": "presence", "userId": "...", "presence": "Available"}
    // | {"kind": "routingStatus", "userId": "...", "status": "IDLE"}
    private static SimulatorResult Publish(SimulatorRequest request, SimulatorNotifications hub)
    {
        if (RequestBody.TryReadObject(request, out var body) is { } error)
        {
            return error;
        }

        try
        {
            var published = (string?)body["kind"] switch
            {
                "conversation" => hub.StartConversation(Required(body, "queueId")),
                "presence" => hub.SetPresence(Required(body, "userId"), (string?)body["presence"] ?? "Available"),
                "routingStatus" => hub.SetRoutingStatus(Required(body, "userId"), (string?)body["status"] ?? "IDLE"),
                null => hub.Publish(Required(body, "topic"), body["eventBody"] ?? new JsonObject()),
                var kind => throw new FormatException($"Unknown event kind [{kind}]: conversation, presence, routingStatus, or a topic and an eventBody."),
            };
            return SimulatorResult.Json(201, new JsonObject { ["sequence"] = published.Sequence, ["correlationId"] = published.CorrelationId, ["topic"] = published.Topic });
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or JsonException)
        {
            return GenesysErrors.BadRequest(ex.Message, request.CorrelationId);
        }
    }

    // {"kind": "dropSocket" | "stopHeartbeats" | "closingWarning" | "expireChannel" | "revokeToken", "channelId": optional}
    private static SimulatorResult Fault(SimulatorRequest request, SimulatorNotifications hub)
    {
        if (RequestBody.TryReadObject(request, out var body) is { } error)
        {
            return error;
        }

        var channelId = (string?)body["channelId"];
        int? affected = (string?)body["kind"] switch
        {
            "dropSocket" => hub.DropSockets(channelId),
            "stopHeartbeats" => hub.StopHeartbeats(channelId),
            "closingWarning" => hub.SendClosingWarning(channelId),
            "expireChannel" => hub.ExpireChannels(channelId),
            "revokeToken" => hub.RevokeTokens(channelId),
            _ => null,
        };
        return affected is { } count
            ? SimulatorResult.Ok(new JsonObject { ["affected"] = count })
            : GenesysErrors.BadRequest("kind must be dropSocket, stopHeartbeats, closingWarning, expireChannel or revokeToken.", request.CorrelationId);
    }

    private static string Required(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : throw new FormatException($"The field [{name}] is required.");
}
