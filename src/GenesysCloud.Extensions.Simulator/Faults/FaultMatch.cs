namespace GenesysCloud.Extensions.Simulator.Faults;

/// <summary>A fault chosen for one request, with the status it answers and the time left in its duration.</summary>
internal sealed record FaultMatch(SimulatorFault Fault, int StatusCode, TimeSpan? TimeLeft);
