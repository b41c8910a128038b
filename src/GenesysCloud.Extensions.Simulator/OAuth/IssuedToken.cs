namespace GenesysCloud.Extensions.Simulator.OAuth;

/// <summary>An access token the simulator issued.</summary>
internal sealed record IssuedToken(string Value, string ClientId, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);
