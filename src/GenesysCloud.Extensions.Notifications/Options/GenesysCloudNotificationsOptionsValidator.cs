using System.Text.Json;
using Microsoft.Extensions.Options;

namespace GenesysCloud.Extensions.Notifications.Options;

/// <summary>
/// Validates the options and what the builder registered when the host starts, before anything is sent: every failure
/// names the key or the topic, the rule and the error code.
/// </summary>
internal sealed class GenesysCloudNotificationsOptionsValidator(NotificationRegistrations registrations) : IValidateOptions<GenesysCloudNotificationsOptions>
{
    private const string P = GenesysCloudNotificationsOptions.SectionName;
    private const string Code = GenesysCloudNotificationErrorCodes.OptionsInvalid;

    public ValidateOptionsResult Validate(string? name, GenesysCloudNotificationsOptions options)
    {
        var failures = new List<string>();
        Range(failures, "MaxChannels", options.MaxChannels, 2, 20, "Genesys Cloud allows 20 channels per OAuth client; one is kept for handovers");
        Range(failures, "MaxTopicsPerChannel", options.MaxTopicsPerChannel, 1, 1_000, "Genesys Cloud allows 1,000 topics per channel");
        Range(failures, "HandlerBufferCapacity", options.HandlerBufferCapacity, 1, 10_000_000, null);
        Range(failures, "SubscriptionBufferCapacity", options.SubscriptionBufferCapacity, 1, 10_000_000, null);
        Range(failures, "MaxMessageBytes", options.MaxMessageBytes, 1_024, 1_024 * 1_024 * 1_024, null);
        Positive(failures, "PingAfter", options.PingAfter);
        Positive(failures, "PongTimeout", options.PongTimeout);
        Positive(failures, "ConnectTimeout", options.ConnectTimeout);
        Positive(failures, "CloseTimeout", options.CloseTimeout);
        Positive(failures, "ChannelCheckInterval", options.ChannelCheckInterval);
        Positive(failures, "ReconnectBaseDelay", options.ReconnectBaseDelay);
        if (options.ReconnectMaxDelay < options.ReconnectBaseDelay)
        {
            failures.Add($"{P}:ReconnectMaxDelay must be at least ReconnectBaseDelay ({options.ReconnectBaseDelay}); the value {options.ReconnectMaxDelay} is not. [{Code}]");
        }

        if (options.RenewBeforeExpiry < TimeSpan.Zero || options.DeduplicationWindow < TimeSpan.Zero)
        {
            failures.Add($"{P}:RenewBeforeExpiry and {P}:DeduplicationWindow must not be negative. [{Code}]");
        }

        var capacity = (long)(options.MaxChannels - 1) * options.MaxTopicsPerChannel;
        if (capacity > 0 && registrations.Topics.Select(t => t.Topic).Distinct(StringComparer.Ordinal).Count() > capacity)
        {
            failures.Add($"{registrations.Topics.Count} topics are subscribed at start-up, more than the {capacity} that fit in {options.MaxChannels - 1} channels of {options.MaxTopicsPerChannel}. [{GenesysCloudNotificationErrorCodes.TooManyTopics}]");
        }

        var handled = registrations.Handlers.Select(h => h.EventType).ToHashSet();
        foreach (var topic in registrations.Topics)
        {
            if (topic.Pattern is null && !options.AllowUnknownTopics)
            {
                failures.Add($"The topic '{topic.Topic}' matches none of the notification topics of this API version; set {P}:AllowUnknownTopics to subscribe it (its events arrive as JsonElement). [{GenesysCloudNotificationErrorCodes.TopicUnknown}]");
            }

            if (!handled.Contains(topic.EventType) && !handled.Contains(typeof(JsonElement)))
            {
                failures.Add($"The topic '{topic.Topic}' is subscribed for handlers, but no INotificationHandler<{topic.EventType.Name}> (nor INotificationHandler<JsonElement>) is registered: add one with AddHandler<THandler>(). [{GenesysCloudNotificationErrorCodes.HandlerMissing}]");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string key, int value, int min, int max, string? why)
    {
        if (value < min || value > max)
        {
            failures.Add($"{P}:{key} must be from {min} to {max}{(why is null ? string.Empty : $" ({why})")}; the value {value} is not. [{Code}]");
        }
    }

    private static void Positive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{P}:{key} must be greater than zero; the value {value} is not. [{Code}]");
        }
    }
}
