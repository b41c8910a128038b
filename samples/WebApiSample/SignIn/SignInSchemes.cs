using Microsoft.AspNetCore.Authentication.Cookies;

namespace WebApiSample.SignIn;

/// <summary>The authentication schemes of sign-in, and where Genesys Cloud sends the user back.</summary>
internal static class SignInSchemes
{
    /// <summary>The cookie that keeps the signed-in user and their Genesys Cloud tokens (encrypted by Data Protection).</summary>
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>The OAuth (authorization code + PKCE) scheme that signs a user in at Genesys Cloud.</summary>
    public const string Genesys = "Genesys";

    /// <summary>The callback the OAuth handler answers; the OAuth client's redirect URI is <c>https://&lt;host&gt;/signin-genesys</c>.</summary>
    public static readonly PathString CallbackPath = "/signin-genesys";

    /// <summary>The redirect URI the OAuth handler sends when the sample is served at <paramref name="origin"/>.</summary>
    /// <param name="origin">A server address, for example <c>http://localhost:5000</c>.</param>
    /// <returns>For example <c>http://localhost:5000/signin-genesys</c>.</returns>
    public static string RedirectUri(string origin) => origin.TrimEnd('/') + CallbackPath;
}
