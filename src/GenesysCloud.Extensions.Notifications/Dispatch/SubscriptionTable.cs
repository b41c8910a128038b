using System.Collections.Concurrent;
using System.Text.Json;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Notifications.Channels;
using GenesysCloud.Extensions.Notifications.Telemetry;
using GenesysCloud.Extensions.Notifications.Topics;
using Microsoft.Extensions.Logging;

namespace GenesysCloud.Extensions.Notifications.Dispatch;

/// <summary>
/// Which topics are subscribed, for whom, and on which channel group: topics are placed first-fit in groups of at most
/// <c>MaxTopicsPerChannel</c>, in at most <c>MaxChannels − 1</c> groups (one channel stays free for handovers); a topic
/// several consumers want is subscribed once. It also routes each event to the consumers of its topic: the handlers of
/// the topic's event type and of <see cref="JsonElement"/> (while the topic is subscribed for handlers) and the
/// subscriptions that include it.
/// </summary>
internal sealed class SubscriptionTable : ILaneOwner
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, TopicEntry> _entries = new(StringComparer.Ordinal);
    private readonly List<ChannelLane> _lanes = [];
    private readonly Dictionary<string, string> _rejected = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<IHandlerWorker> _handlers;
    private readonly Func<int, ChannelLane> _createLane;
    private readonly GenesysCloudNotificationsOptions _options;
    private readonly NotificationsDiagnostics _diagnostics;
    private readonly ILogger _logger;
    private int _nextLaneId;

    public SubscriptionTable(IReadOnlyList<IHandlerWorker> handlers, Func<int, ChannelLane> createLane, GenesysCloudNotificationsOptions options, NotificationsDiagnostics diagnostics, ILogger logger)
    {
        _handlers = handlers;
        _createLane = createLane;
        _options = options;
        _diagnostics = diagnostics;
        _logger = logger;
    }

    /// <summary>Gets how many topics fit.</summary>
    public int Capacity => (_options.MaxChannels - 1) * _options.MaxTopicsPerChannel;

    public int Count => _entries.Count;

    public IReadOnlyList<ChannelLane> Lanes
    {
        get
        {
            lock (_gate)
            {
                return [.. _lanes];
            }
        }
    }

    public IReadOnlyList<string> RejectedTopics
    {
        get
        {
            lock (_gate)
            {
                return [.. _rejected.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>
    /// Subscribes topics for the handlers (<paramref name="stream"/> null) or for a stream. Checked before anything
    /// changes: if the new topics do not fit, nothing is subscribed. Returns the groups to wait for, with their versions.
    /// </summary>
    /// <exception cref="GenesysCloudArgumentException">The topics do not fit (<see cref="GenesysCloudNotificationErrorCodes.TooManyTopics"/>).</exception>
    public IReadOnlyList<(ChannelLane Lane, long Version, IReadOnlyCollection<string> Topics)> Add(IReadOnlyList<NotificationTopic> topics, INotificationConsumer? stream, out IReadOnlyList<ChannelLane> created)
    {
        lock (_gate)
        {
            var distinct = topics.DistinctBy(static t => t.Topic, StringComparer.Ordinal).ToList();
            var added = distinct.Count(t => !_entries.ContainsKey(t.Topic));
            if (_entries.Count + added > Capacity)
            {
                throw new GenesysCloudArgumentException(
                    GenesysCloudNotificationErrorCodes.TooManyTopics,
                    $"{_entries.Count + added} topics do not fit in the {_options.MaxChannels - 1} channels of {_options.MaxTopicsPerChannel} topics the client may use (Notifications:MaxChannels {_options.MaxChannels}, one kept free for handovers); {_entries.Count} are subscribed. Nothing was subscribed.",
                    nameof(topics));
            }

            var newLanes = new List<ChannelLane>();
            var changes = new Dictionary<ChannelLane, List<string>>();
            var waits = new Dictionary<ChannelLane, List<string>>();
            foreach (var topic in distinct)
            {
                if (!_entries.TryGetValue(topic.Topic, out var entry))
                {
                    var lane = _lanes.FirstOrDefault(l => PlannedCount(l, changes) < _options.MaxTopicsPerChannel);
                    if (lane is null)
                    {
                        lane = _createLane(++_nextLaneId);
                        _lanes.Add(lane);
                        newLanes.Add(lane);
                    }

                    entry = new TopicEntry(topic, lane);
                    _entries[topic.Topic] = entry;
                    _rejected.Remove(topic.Topic);
                    GetList(changes, lane).Add(topic.Topic);
                    _diagnostics.TopicsChanged(1);
                }

                if (stream is null)
                {
                    entry.HandlerUses++;
                }
                else
                {
                    entry.Streams.Add(stream);
                }

                entry.Consumers = BuildConsumers(entry);
                GetList(waits, entry.Lane).Add(topic.Topic);
            }

            created = newLanes;
            return waits.Select(w => (w.Key, changes.TryGetValue(w.Key, out var add) ? w.Key.Update(add, []) : w.Key.Update([], []), (IReadOnlyCollection<string>)w.Value)).ToList();
        }
    }

    /// <summary>
    /// Unsubscribes topics for the handlers or for a stream; a topic no one uses any more leaves its group, and a group
    /// without topics is returned in <paramref name="emptied"/> to be stopped.
    /// </summary>
    public IReadOnlyList<(ChannelLane Lane, long Version)> Remove(IReadOnlyList<NotificationTopic> topics, INotificationConsumer? stream, out IReadOnlyList<ChannelLane> emptied)
    {
        lock (_gate)
        {
            var changes = new Dictionary<ChannelLane, List<string>>();
            foreach (var topic in topics.DistinctBy(static t => t.Topic, StringComparer.Ordinal))
            {
                if (!_entries.TryGetValue(topic.Topic, out var entry))
                {
                    continue;
                }

                if (stream is null)
                {
                    entry.HandlerUses = Math.Max(0, entry.HandlerUses - 1);
                }
                else
                {
                    entry.Streams.Remove(stream);
                }

                entry.Consumers = BuildConsumers(entry);
                if (entry.HandlerUses == 0 && entry.Streams.Count == 0)
                {
                    _entries.TryRemove(topic.Topic, out _);
                    GetList(changes, entry.Lane).Add(topic.Topic);
                    _diagnostics.TopicsChanged(-1);
                }
            }

            var result = new List<(ChannelLane, long)>();
            var empty = new List<ChannelLane>();
            foreach (var (lane, removed) in changes)
            {
                var version = lane.Update([], removed);
                if (!_entries.Values.Any(e => ReferenceEquals(e.Lane, lane)))
                {
                    _lanes.Remove(lane);
                    empty.Add(lane);
                }
                else
                {
                    result.Add((lane, version));
                }
            }

            emptied = empty;
            return result;
        }
    }

    /// <summary>Every stream consumer, to complete them when the host stops.</summary>
    public IReadOnlyList<INotificationConsumer> Streams()
    {
        lock (_gate)
        {
            return [.. _entries.Values.SelectMany(static e => e.Streams).Distinct()];
        }
    }

    public void Deliver(NotificationFrame frame)
    {
        if (!_entries.TryGetValue(frame.TopicName, out var entry))
        {
            // Still in flight after the topic was removed, or a topic Genesys sends unasked.
            Log.MessageIgnored(_logger, frame.ChannelId, "event of a topic no longer subscribed");
            return;
        }

        _diagnostics.EventReceived(entry.Topic.PatternName);
        foreach (var consumer in entry.Consumers)
        {
            consumer.Offer(frame, entry.Topic);
        }
    }

    public void Rejected(ChannelLane lane, IReadOnlyDictionary<string, string> topics)
    {
        lock (_gate)
        {
            foreach (var (topic, reason) in topics)
            {
                if (_entries.TryGetValue(topic, out var entry) && ReferenceEquals(entry.Lane, lane) && _entries.TryRemove(topic, out _))
                {
                    _diagnostics.TopicsChanged(-1);
                }

                _rejected[topic] = reason;
            }
        }
    }

    private static List<string> GetList(Dictionary<ChannelLane, List<string>> lists, ChannelLane lane)
    {
        if (!lists.TryGetValue(lane, out var list))
        {
            lists[lane] = list = [];
        }

        return list;
    }

    private static int PlannedCount(ChannelLane lane, Dictionary<ChannelLane, List<string>> changes) =>
        lane.TopicCount + (changes.TryGetValue(lane, out var added) ? added.Count : 0);

    private INotificationConsumer[] BuildConsumers(TopicEntry entry)
    {
        IEnumerable<INotificationConsumer> handlers = entry.HandlerUses > 0
            ? _handlers.Where(h => h.EventType == entry.Topic.EventType || h.EventType == typeof(JsonElement))
            : [];
        return [.. handlers, .. entry.Streams];
    }

    private sealed class TopicEntry(NotificationTopic topic, ChannelLane lane)
    {
        public NotificationTopic Topic { get; } = topic;

        public ChannelLane Lane { get; } = lane;

        public int HandlerUses { get; set; }

        public List<INotificationConsumer> Streams { get; } = [];

        public INotificationConsumer[] Consumers { get; set; } = [];
    }
}
