using System.Security.Claims;
using GenesysCloud.Extensions.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.Extensions.Options;
using WebApiSample.Simulator;

namespace WebApiSample.SignIn;

/// <summary>
/// Sign-in with ASP.NET Core's own handlers: a cookie keeps the signed-in user and their tokens, and the OAuth handler
/// (authorization code + PKCE) signs them in at Genesys Cloud. The endpoints come from the login host of the configured
/// region (or <c>GenesysCloud:LoginBaseAddress</c>, which the embedded simulator sets), the client from the
/// <c>SignIn</c> section or, with the embedded simulator, its client for the sample.
/// </summary>
internal static class SignInServiceCollectionExtensions
{
    public static IServiceCollection AddGenesysCloudSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SignInCookieEvents>();
        var authentication = services.AddAuthentication(SignInSchemes.Cookie)
            .AddCookie(SignInSchemes.Cookie, static cookie =>
            {
                cookie.Cookie.Name = "WebApiSample.SignIn";
                cookie.EventsType = typeof(SignInCookieEvents);
            });

        // A real org without an authorization-code client: the app runs as itself only, and sign-in is not offered.
        var signIn = configuration.GetSection(SignInSettings.SectionName).Get<SignInSettings>() ?? new();
        var simulated = EmbeddedSimulator.IsEnabledFor(configuration);
        if (!simulated && string.IsNullOrWhiteSpace(signIn.ClientId))
        {
            return services;
        }

        if (!simulated && string.IsNullOrWhiteSpace(signIn.ClientSecret))
        {
            throw new InvalidOperationException("SignIn:ClientId is set but SignIn:ClientSecret is not: set the authorization-code client's secret (user-secrets or SignIn__ClientSecret).");
        }

        services.AddSingleton<GenesysCloudOAuthEvents>();
        if (simulated)
        {
            services.AddHostedService<SignInRedirectRegistration>();
        }

        authentication.AddOAuth<OAuthOptions, GenesysCloudOAuthHandler>(SignInSchemes.Genesys, static oauth =>
        {
            oauth.SignInScheme = SignInSchemes.Cookie;
            oauth.CallbackPath = SignInSchemes.CallbackPath;
            oauth.UsePkce = true;
            oauth.SaveTokens = true;
            oauth.EventsType = typeof(GenesysCloudOAuthEvents);
            oauth.ClaimActions.MapJsonKey(ClaimTypes.NameIdentifier, "id");
            oauth.ClaimActions.MapJsonKey(ClaimTypes.Name, "name");
            oauth.ClaimActions.MapJsonKey(ClaimTypes.Email, "email");

            // The state cookie must come back on the login host's redirect, a top-level GET from another site: Lax does
            // that, and SameAsRequest lets it work on http://localhost in development (it is Secure on https).
            oauth.CorrelationCookie.SameSite = SameSiteMode.Lax;
            oauth.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddOptions<OAuthOptions>(SignInSchemes.Genesys)
            .Configure<IOptions<GenesysCloudOptions>, EmbeddedSimulator>((oauth, genesysCloud, simulator) =>
            {
                var options = genesysCloud.Value;
                var region = GenesysCloudRegions.TryGet(options.Region, out var r) ? r : null;
                var login = options.LoginBaseAddress ?? region?.LoginBaseAddress
                    ?? throw new InvalidOperationException("Sign-in needs GenesysCloud:Region or GenesysCloud:LoginBaseAddress.");
                var api = options.ApiBaseAddress ?? region?.ApiBaseAddress
                    ?? throw new InvalidOperationException("Sign-in needs GenesysCloud:Region or GenesysCloud:ApiBaseAddress.");
                oauth.AuthorizationEndpoint = new Uri(login, "oauth/authorize").ToString();
                oauth.TokenEndpoint = new Uri(login, "oauth/token").ToString();
                oauth.UserInformationEndpoint = new Uri(api, "api/v2/users/me").ToString();
                (oauth.ClientId, oauth.ClientSecret) = simulator.IsEnabled
                    ? (simulator.SignInClient.ClientId, simulator.SignInClient.ClientSecret!)
                    : (signIn.ClientId!, signIn.ClientSecret!);
            })
            .ValidateOnStart();
        return services;
    }
}
