using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Notifications;

namespace WebApiSample.Notifications;

/// <summary>
/// Subscribes the feed's topics once the client is up: conversations of the first queues, presence and routing status of
/// the first users (topics at run time, since their ids come from the org). Works the same against a real org (with the
/// notification permissions) and against the embedded simulator, whose activity then shows up on the dashboard.
/// </summary>
public sealed class FeedSubscriber(IRoutingApi routing, IUsersApi users, IGenesysCloudNotifications notifications, ILogger<FeedSubscriber> logger) : BackgroundService
{
    public const int Queues = 10;
    public const int Users = 10;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var queues = await routing.GetRoutingQueuesPageableAsync(pageSize: Queues).Take(Queues).ToListAsync(stoppingToken);
            var people = await users.GetUsersPageableAsync(pageSize: Users).Take(Users).ToListAsync(stoppingToken);
            var topics = queues.Select(q => GenesysCloudNotificationTopics.Format("v2.routing.queues.{id}.conversations", q.Id!))
                .Concat(people.SelectMany(u => new[]
                {
                    GenesysCloudNotificationTopics.Format("v2.users.{id}.presence", u.Id!),
                    GenesysCloudNotificationTopics.Format("v2.users.{id}.routingStatus", u.Id!),
                }))
                .ToList();
            await notifications.AddTopicsAsync(topics, stoppingToken);
            Log.FeedSubscribed(logger, topics.Count);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception ex) when (ex is GenesysCloud.Extensions.Errors.GenesysCloudException or ArgumentException)
        {
            Log.FeedFailed(logger, ex);
        }
    }
}
