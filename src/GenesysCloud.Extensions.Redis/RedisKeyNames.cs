using StackExchange.Redis;

namespace GenesysCloud.Extensions.Redis;

/// <summary>
/// The keys and the channel of one client: all under <c>{KeyPrefix}:{apiHost|clientId}:</c> (the hash tag keeps a
/// client's keys in one cluster slot, so a script may use several), nothing else of the application's keys touched.
/// </summary>
internal sealed class RedisKeyNames
{
    private readonly string _prefix;

    public RedisKeyNames(string keyPrefix, Uri apiBaseAddress, string clientId)
    {
        _prefix = $"{keyPrefix}:{{{apiBaseAddress.Authority}|{clientId}}}:";
        Events = RedisChannel.Literal(_prefix + "events");
    }

    /// <summary>Gets the channel of the client's fleet messages (suspensions, new tokens).</summary>
    public RedisChannel Events { get; }

    public static string DefaultSectionPath(string clientName) => clientName.Length == 0 ? "GenesysCloud:Redis" : $"GenesysCloud({clientName}):Redis";

    public RedisKey Token(int slot) => _prefix + "token:" + slot;

    public RedisKey TokenLock(int slot) => _prefix + "token:" + slot + ":lock";

    public RedisKey Leases(int slot) => _prefix + "leases:" + slot;

    public RedisKey Budget(int slot) => _prefix + "budget:" + slot;

    public RedisKey Suspension(int slot) => _prefix + "suspension:" + slot;
}
