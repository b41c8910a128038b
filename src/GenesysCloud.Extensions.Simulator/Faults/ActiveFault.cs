namespace GenesysCloud.Extensions.Simulator.Faults;

/// <summary>A fault that has been added: its matcher, remaining uses and expiry.</summary>
internal sealed class ActiveFault(string id, SimulatorFault fault, FaultPathPattern path, DateTimeOffset? expiresAt)
{
    public string Id { get; } = id;

    public SimulatorFault Fault { get; } = fault;

    public FaultPathPattern Path { get; } = path;

    public DateTimeOffset? ExpiresAt { get; } = expiresAt;

    public int? Remaining { get; set; } = fault.Count;
}
