using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GenesysCloud.Extensions.Tests.Integration;

public sealed class WorkerServiceTests
{
    [Fact]
    public async Task A_worker_service_injects_a_category_interface_and_calls_it_after_start()
    {
        await using var sim = await GenesysCloudSimulator.StartAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddGenesysCloud(o =>
        {
            o.ClientId = sim.ClientId;
            o.ClientSecret = sim.ClientSecret;
            o.ApiBaseAddress = sim.ApiBaseAddress;
            o.LoginBaseAddress = sim.LoginBaseAddress;
        });
        builder.Services.AddSingleton<QueueCountingWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<QueueCountingWorker>());
        using var host = builder.Build();

        await host.StartAsync();
        var worker = host.Services.GetRequiredService<QueueCountingWorker>();
        var count = await worker.Result.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync();

        Assert.Equal(40, count);
        Assert.Equal(GenesysCloudClientState.Closed, host.Services.GetRequiredService<IGenesysCloudClient>().State);
        Assert.Equal(1, sim.Inspector.TokensDeleted);
    }

    private sealed class QueueCountingWorker(IRoutingApi routing) : BackgroundService
    {
        public TaskCompletionSource<int> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            var queues = await routing.GetRoutingQueuesAsync(pageSize: 100, cancellationToken: stoppingToken);
            Result.SetResult(queues.Entities?.Count ?? 0);
        }
    }
}
