using System.Text.Json.Nodes;
using GenesysCloud.Extensions.Simulator.Organization;

namespace GenesysCloud.Extensions.Simulator.Analytics;

/// <summary>
/// Historical analytics data derived from the organization's seed and nothing else. Conversations are drawn per UTC hour and
/// user presence per UTC day, each from a generator seeded with the organization's seed and that hour or day, so a conversation
/// is the same whichever interval finds it, and the same query always gives byte-identical results.
/// </summary>
internal sealed class AnalyticsDataGenerator(AnalyticsRoster roster, int conversationsPerHour)
{
    private static readonly string[] MediaTypes = ["voice", "voice", "voice", "chat", "email", "message", "callback"];
    private static readonly string[] SystemPresences = ["AVAILABLE", "ON_QUEUE", "BUSY", "AWAY", "BREAK", "MEAL", "MEETING", "TRAINING"];
    private static readonly string[] RoutingStatuses = ["IDLE", "INTERACTING", "COMMUNICATING", "NOT_RESPONDING", "OFF_QUEUE"];

    /// <summary>The conversations that started in the interval and pass the query's filters, in <c>conversationStart</c> order (or reversed for <c>"order":"desc"</c>), capped by <c>limit</c>.</summary>
    public List<JsonObject> Conversations(AnalyticsInterval interval, JsonObject query)
    {
        var result = new List<JsonObject>();
        var firstHour = interval.Start.ToUnixTimeSeconds() / 3600;
        var lastHour = (interval.End.ToUnixTimeSeconds() - 1) / 3600;
        for (var hour = firstHour; hour <= lastHour; hour++)
        {
            var random = new Random(Mix(roster.Seed, 1, hour));
            var count = random.Next(0, (2 * conversationsPerHour) + 1);
            var starts = Enumerable.Range(0, count).Select(_ => random.Next(0, 3_600_000)).Order().ToArray();
            for (var index = 0; index < starts.Length; index++)
            {
                var start = DateTimeOffset.FromUnixTimeSeconds(hour * 3600).AddMilliseconds(starts[index]);
                if (interval.Contains(start))
                {
                    var (conversation, dimensions) = Conversation(start, new Random(Mix(roster.Seed, 2, hour, index)));
                    if (AnalyticsFilter.Accepts(query["conversationFilters"], dimensions) && AnalyticsFilter.Accepts(query["segmentFilters"], dimensions))
                    {
                        result.Add(conversation);
                    }
                }
            }
        }

        return Finish(result, query);
    }

    /// <summary>Each user passing the query's <c>userFilters</c>, with presence and routing-status records for each day of the interval.</summary>
    public List<JsonObject> UserDetails(AnalyticsInterval interval, JsonObject query)
    {
        var result = new List<JsonObject>();
        var firstDay = interval.Start.ToUnixTimeSeconds() / 86_400;
        var lastDay = (interval.End.ToUnixTimeSeconds() - 1) / 86_400;
        for (var userIndex = 0; userIndex < roster.Users.Count; userIndex++)
        {
            var (userId, _) = roster.Users[userIndex];
            if (!AnalyticsFilter.Accepts(query["userFilters"], new[] { ("userId", userId) }.ToLookup(static d => d.Item1, static d => d.Item2)))
            {
                continue;
            }

            var presence = new JsonArray();
            var routing = new JsonArray();
            for (var day = firstDay; day <= lastDay; day++)
            {
                var random = new Random(Mix(roster.Seed, 3, day, userIndex));
                AddRecords(presence, interval, day, random, SystemPresences, "systemPresence");
                AddRecords(routing, interval, day, random, RoutingStatuses, "routingStatus");
            }

            result.Add(new JsonObject { ["userId"] = userId, ["primaryPresence"] = presence, ["routingStatus"] = routing });
        }

        return Finish(result, query);
    }

    /// <summary>A stable mix of the seed and coordinates (<see cref="HashCode"/> is randomized per process, so it will not do).</summary>
    private static int Mix(params long[] parts)
    {
        var hash = 0xcbf29ce484222325UL;
        foreach (var part in parts)
        {
            hash = (hash ^ (ulong)part) * 0x100000001b3UL;
            hash ^= hash >> 29;
        }

        return (int)(hash & int.MaxValue);
    }

    private static List<JsonObject> Finish(List<JsonObject> items, JsonObject query)
    {
        if (string.Equals((string?)query["order"], "desc", StringComparison.OrdinalIgnoreCase))
        {
            items.Reverse();
        }

        return query["limit"] is JsonValue limit && limit.TryGetValue<int>(out var max) && max < items.Count ? items[..max] : items;
    }

    private static void AddRecords(JsonArray records, AnalyticsInterval interval, long day, Random random, string[] values, string property)
    {
        // A working day: 2 to 4 records between 08:00 and 17:00 UTC, clipped to the interval.
        var dayStart = DateTimeOffset.FromUnixTimeSeconds(day * 86_400).AddHours(8);
        var count = random.Next(2, 5);
        var step = TimeSpan.FromHours(9) / count;
        for (var i = 0; i < count; i++)
        {
            var start = dayStart + (step * i);
            var end = start + step;
            var value = values[random.Next(values.Length)];
            if (end <= interval.Start || start >= interval.End)
            {
                continue;
            }

            records.Add(new JsonObject
            {
                ["startTime"] = GenesysDates.Format(start < interval.Start ? interval.Start : start),
                ["endTime"] = GenesysDates.Format(end > interval.End ? interval.End : end),
                [property] = value,
            });
        }
    }

    private (JsonObject Conversation, ILookup<string, string> Dimensions) Conversation(DateTimeOffset start, Random random)
    {
        var mediaType = MediaTypes[random.Next(MediaTypes.Length)];
        var direction = mediaType is "voice" && random.NextDouble() < 0.2 ? "outbound" : "inbound";
        var wait = TimeSpan.FromSeconds(random.Next(2, 180));
        var talk = TimeSpan.FromSeconds(random.Next(30, 1200));
        var wrapup = TimeSpan.FromSeconds(random.Next(5, 90));
        var queue = roster.Queues.Count > 0 ? roster.Queues[random.Next(roster.Queues.Count)] : default;
        var agentId = queue.MemberIds is { Count: > 0 } members ? members[random.Next(members.Count)] : null;
        var wrapUpCode = roster.WrapupCodeIds.Count > 0 ? roster.WrapupCodeIds[random.Next(roster.WrapupCodeIds.Count)] : null;
        var conversationId = OrganizationGenerator.NextGuid(random);
        var answered = agentId is not null && random.NextDouble() < 0.9;
        var end = start + wait + (answered ? talk : TimeSpan.Zero);
        var dimensions = new List<(string, string)>
        {
            ("conversationId", conversationId), ("originatingDirection", direction), ("mediaType", mediaType), ("direction", direction), ("divisionId", roster.DivisionId),
        };

        var participants = new JsonArray
        {
            Participant(random, "customer", "Customer", null, Session(random, mediaType, direction, Segment(start, end, "interact", null))),
        };
        if (queue.Id is not null)
        {
            dimensions.Add(("queueId", queue.Id));
            participants.Add(Participant(random, "acd", queue.Name, null, Session(random, mediaType, direction, Segment(start, start + wait, answered ? "interact" : "delay", queue.Id))));
        }

        if (answered)
        {
            var agentName = roster.Users.FirstOrDefault(u => u.Id == agentId).Name;
            var wrapupSegment = Segment(end, end + wrapup, "wrapup", queue.Id);
            if (wrapUpCode is not null)
            {
                wrapupSegment["wrapUpCode"] = wrapUpCode;
                dimensions.Add(("wrapUpCode", wrapUpCode));
            }

            dimensions.Add(("userId", agentId!));
            participants.Add(Participant(random, "agent", agentName, agentId, Session(random, mediaType, direction, Segment(start + wait, end, "interact", queue.Id), wrapupSegment)));
        }

        var conversation = new JsonObject
        {
            ["conversationId"] = conversationId,
            ["conversationStart"] = GenesysDates.Format(start),
            ["conversationEnd"] = GenesysDates.Format(answered ? end + wrapup : end),
            ["originatingDirection"] = direction,
            ["divisionIds"] = new JsonArray(roster.DivisionId),
        };
        if (mediaType == "voice")
        {
            conversation["mediaStatsMinConversationMos"] = Math.Round(3.5 + random.NextDouble(), 2);
        }

        conversation["participants"] = participants;
        return (conversation, dimensions.ToLookup(static d => d.Item1, static d => d.Item2, StringComparer.Ordinal));
    }

    private static JsonObject Participant(Random random, string purpose, string? name, string? userId, JsonObject session)
    {
        var participant = new JsonObject { ["participantId"] = OrganizationGenerator.NextGuid(random), ["participantName"] = name, ["purpose"] = purpose };
        if (userId is not null)
        {
            participant["userId"] = userId;
        }

        participant["sessions"] = new JsonArray(session);
        return participant;
    }

    private static JsonObject Session(Random random, string mediaType, string direction, params JsonObject[] segments)
    {
        var session = new JsonObject { ["mediaType"] = mediaType, ["sessionId"] = OrganizationGenerator.NextGuid(random), ["direction"] = direction };
        if (mediaType is "voice" or "callback")
        {
            session["ani"] = $"tel:+1555{random.Next(1_000_000, 9_999_999)}";
            session["dnis"] = "tel:+18005550100";
        }

        session["segments"] = new JsonArray(segments);
        return session;
    }

    private static JsonObject Segment(DateTimeOffset start, DateTimeOffset end, string type, string? queueId)
    {
        var segment = new JsonObject { ["segmentStart"] = GenesysDates.Format(start), ["segmentEnd"] = GenesysDates.Format(end), ["segmentType"] = type };
        if (queueId is not null)
        {
            segment["queueId"] = queueId;
        }

        return segment;
    }
}
