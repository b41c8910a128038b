namespace GenesysCloud.Extensions.Simulator;

/// <summary>An asynchronous analytics details job as <see cref="SimulatorAnalyticsJobs"/> reports it.</summary>
/// <param name="Id">The <c>jobId</c>.</param>
/// <param name="Kind"><c>conversations</c> or <c>users</c>.</param>
/// <param name="State">The state now: <c>QUEUED</c>, <c>PENDING</c>, <c>FULFILLED</c>, <c>FAILED</c>, <c>CANCELLED</c> or <c>EXPIRED</c>.</param>
/// <param name="SubmittedAt">When it was submitted, on the simulator's clock.</param>
/// <param name="Interval">The query's interval, as submitted.</param>
public sealed record SimulatorAnalyticsJob(string Id, string Kind, string State, DateTimeOffset SubmittedAt, string Interval);
