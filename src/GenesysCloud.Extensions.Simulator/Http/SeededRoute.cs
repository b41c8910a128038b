namespace GenesysCloud.Extensions.Simulator.Http;

/// <summary>A route the simulator implements with state: method, template, the Genesys operationId and the handler.</summary>
internal sealed record SeededRoute(string Method, RouteTemplate Template, string OperationId, Func<SimulatorRequest, SimulatorResult> Handler);
