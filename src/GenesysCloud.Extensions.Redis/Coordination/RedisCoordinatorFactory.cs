using GenesysCloud.Extensions.Coordination;
using GenesysCloud.Extensions.Redis.Options;
using GenesysCloud.Extensions.Redis.Telemetry;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenesysCloud.Extensions.Redis.Coordination;

/// <summary>Creates the Redis coordinator of the client it is registered for, and owns its connection.</summary>
internal sealed class RedisCoordinatorFactory : IGenesysCloudCoordinatorFactory, IDisposable
{
    /// <summary>The Data Protection purpose of the tokens stored in Redis.</summary>
    public const string ProtectionPurpose = "GenesysCloud.Extensions.Redis.AccessToken.v1";

    private readonly IServiceProvider _services;
    private readonly string _name;
    private readonly RedisConnectionSource _connection;

    public RedisCoordinatorFactory(IServiceProvider services, string name, RedisConnectionSource connection)
    {
        _services = services;
        _name = name;
        _connection = connection;
    }

    public IGenesysCloudCoordinator Create(GenesysCloudCoordinationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = _services.GetRequiredService<IOptionsMonitor<GenesysCloudRedisOptions>>().Get(_name);
        var logger = _services.GetRequiredService<ILoggerFactory>().CreateLogger("GenesysCloud.Extensions.Redis");
        var metrics = _services.GetRequiredService<RedisMetrics>();
        var time = _services.GetRequiredService<TimeProvider>();
        var keys = new RedisKeyNames(options.KeyPrefix, context.ApiBaseAddress, context.ClientId);
        var fleet = new RedisFleet(context.ClientName, keys, _connection, options, time, metrics, logger);
        var protector = _services.GetRequiredService<IDataProtectionProvider>().CreateProtector(ProtectionPurpose, context.ApiBaseAddress.Authority, context.ClientId);
        return new RedisCoordinator(fleet, new RedisTokenStore(fleet, protector, metrics, logger), new RedisRateCoordinator(fleet));
    }

    public void Dispose() => _connection.Dispose();
}
