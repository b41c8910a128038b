using System.Security.Cryptography;
using System.Text;

namespace GenesysCloud.Extensions.Simulator.OAuth;

/// <summary>RFC 7636 with the S256 method: the challenge is the unpadded base64url SHA-256 of the verifier.</summary>
internal static class Pkce
{
    public const string S256 = "S256";

    public static bool IsValidVerifier(string verifier) =>
        verifier.Length is >= 43 and <= 128 && verifier.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~');

    public static string Challenge(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool Verifies(string verifier, string challenge) =>
        IsValidVerifier(verifier) && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Challenge(verifier)), Encoding.ASCII.GetBytes(challenge));
}
