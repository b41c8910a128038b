using System.Text.Json;
using System.Text.Json.Nodes;
using GenesysCloud.Extensions.Simulator.Http;
using Microsoft.AspNetCore.Http;

namespace GenesysCloud.Extensions.Simulator.Notifications;

/// <summary>
/// In front of the API pipeline: the channels' WebSockets (<c>/channels/{channelId}</c>) and the notifications part of the
/// control API (<c>/_simulator/notifications</c>: state, events, faults), never authenticated, limited or recorded.
/// </summary>
internal sealed class NotificationControlApi
{
    public const string SocketPrefix = "/channels/";
    public const string Prefix = "/_simulator/notifications";

    private readonly SimulatorNotifications _hub;
    private readonly RouteTable _routes = new();

    public NotificationControlApi(SimulatorNotifications hub)
    {
        _hub = hub;
        _routes.Add("GET", Prefix, "getNotifications", _ => SimulatorResult.Ok(State()));
        _routes.Add("POST", Prefix + "/events", "publishNotification", Publish);
        _routes.Add("POST", Prefix + "/faults", "addNotificationFault", Fault);
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith(SocketPrefix, StringComparison.Ordinal) && path.Length > SocketPrefix.Length)
        {
            await _hub.HandleSocketAsync(context, path[SocketPrefix.Length..]).ConfigureAwait(false);
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
        var result = _routes.Find(request.Method, request.Path) is var (route, values)
            ? Handle(route, values, request)
            : GenesysErrors.NotFound($"No notifications control operation {request.Method} [{request.Path}].", request.CorrelationId);
        await ResultWriter.WriteAsync(context, result).ConfigureAwait(false);
    }

    private static SimulatorResult Handle(SeededRoute route, Dictionary<string, string> values, SimulatorRequest request)
    {
        request.RouteValues = values;
        return route.Handler(request);
    }

    private JsonObject State() => new()
    {
        ["published"] = _hub.PublishedCount,
        ["delivered"] = _hub.DeliveredCount,
        ["undelivered"] = _hub.UndeliveredCount,
        ["channelsCreated"] = _hub.ChannelsCreated,
        ["channelsEvicted"] = _hub.ChannelsEvicted,
        ["maxChannelsPerClient"] = _hub.MaxChannelsPerClient,
        ["socketConnections"] = _hub.SocketConnections,
        ["channels"] = new JsonArray([.. _hub.Channels.Select(static c => (JsonNode)new JsonObject
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
    private SimulatorResult Publish(SimulatorRequest request)
    {
        if (RequestBody.TryReadObject(request, out var body) is { } error)
        {
            return error;
        }

        try
        {
            var published = (string?)body["kind"] switch
            {
                "conversation" => _hub.StartConversation(Required(body, "queueId")),
                "presence" => _hub.SetPresence(Required(body, "userId"), (string?)body["presence"] ?? "Available"),
                "routingStatus" => _hub.SetRoutingStatus(Required(body, "userId"), (string?)body["status"] ?? "IDLE"),
                null => _hub.Publish(Required(body, "topic"), body["eventBody"] ?? new JsonObject()),
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
    private SimulatorResult Fault(SimulatorRequest request)
    {
        if (RequestBody.TryReadObject(request, out var body) is { } error)
        {
            return error;
        }

        var channelId = (string?)body["channelId"];
        int? affected = (string?)body["kind"] switch
        {
            "dropSocket" => _hub.DropSockets(channelId),
            "stopHeartbeats" => _hub.StopHeartbeats(channelId),
            "closingWarning" => _hub.SendClosingWarning(channelId),
            "expireChannel" => _hub.ExpireChannels(channelId),
            "revokeToken" => _hub.RevokeTokens(channelId),
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
