using GenesysCloud.Extensions.Authentication;

namespace GenesysCloud.Extensions.Coordination;

/// <summary>
/// Shares the tokens of a client's own identity with the other replicas of its fleet: one token per slot (a token of
/// the pool), obtained by one replica at a time, and deleted by the last replica that leaves.
/// </summary>
public interface IGenesysCloudTokenStore
{
    /// <summary>
    /// Gets the fleet's token of <paramref name="slot"/>, obtaining one with <paramref name="issue"/> when the fleet has
    /// none, or has only <paramref name="replaced"/> (expiring, or refused with a 401). At most one replica issues at a time;
    /// the others wait for its token. Takes (or renews) this replica's lease on the slot.
    /// </summary>
    /// <param name="slot">The token's slot, from 0.</param>
    /// <param name="replaced">The token this replica holds and wants replaced, or <see langword="null"/>.</param>
    /// <param name="issue">Obtains a new token from the login service.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The token to use.</returns>
    ValueTask<GenesysCloudToken> GetTokenAsync(int slot, string? replaced, Func<CancellationToken, ValueTask<GenesysCloudToken>> issue, CancellationToken cancellationToken);

    /// <summary>Ends this replica's lease on <paramref name="slot"/> when the client stops.</summary>
    /// <param name="slot">The token's slot.</param>
    /// <param name="cancellationToken">Cancels the release.</param>
    /// <returns><see langword="true"/> when no other replica holds a live lease and the caller should delete the token.</returns>
    ValueTask<bool> ReleaseAsync(int slot, CancellationToken cancellationToken);
}
