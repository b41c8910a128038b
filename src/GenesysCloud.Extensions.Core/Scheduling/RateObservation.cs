namespace GenesysCloud.Extensions.Scheduling;

/// <summary>What one answer's budget headers told: the window's budget, the server's count and the bounds of its reset.</summary>
internal readonly record struct RateObservation(int Allowed, int Count, DateTimeOffset ResetNotBefore, DateTimeOffset ResetAt);
