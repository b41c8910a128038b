namespace GenesysCloud.Extensions.Authentication;

/// <summary>A token the login service issued: the access token, its lifetime and, for user grants, the (rotated) refresh token.</summary>
internal sealed record TokenResponse(string AccessToken, TimeSpan Lifetime, string? RefreshToken)
{
    public override string ToString() => $"TokenResponse(lifetime {Lifetime}, refresh token {(RefreshToken is null ? "no" : "yes")})";
}
