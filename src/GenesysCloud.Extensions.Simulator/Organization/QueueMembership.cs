namespace GenesysCloud.Extensions.Simulator.Organization;

/// <summary>A user's membership of a queue.</summary>
internal sealed class QueueMembership(string userId, bool joined)
{
    public string UserId { get; } = userId;

    public bool Joined { get; set; } = joined;

    public int RingNumber { get; set; } = 1;
}
