using System.Net;
using GenesysCloud.Extensions.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using WebApiSample.SignIn;

namespace WebApiSample.Errors;

/// <summary>
/// Turns the client's errors into RFC 7807 problem details. A Genesys error keeps its status (a 404 for an unknown
/// queue stays a 404) and carries the Genesys <c>code</c> and the <c>correlationId</c> to quote to Genesys support;
/// a 401 from Genesys means this application's credentials are wrong, not the caller's, so it becomes a 502. A signed-in
/// user's refresh token that the login service refused is the user's to fix: a 401 that signs them out.
/// </summary>
internal sealed class GenesysCloudExceptionHandler(IProblemDetailsService problemDetails, ILogger<GenesysCloudExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is GenesysCloudArgumentException { ErrorCode: GenesysCloudErrorCodes.ClientNameUnknown } unknown)
        {
            // An org this service does not serve (api/orgs/{org}/...).
            var notFound = new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Unknown organization", Detail = unknown.Message };
            notFound.Extensions["errorCode"] = unknown.ErrorCode;
            return await WriteAsync(httpContext, notFound, exception);
        }

        if (exception is GenesysCloudAuthenticationException { ErrorCode: GenesysCloudErrorCodes.TokenGrantInvalid } refused)
        {
            // invalid_grant refuses a user's grant (a refresh token revoked, expired or already used); the app's own
            // client credentials are refused as invalid_client instead. The cookie's tokens are dead: forget them.
            Log.SignedInUserRefused(logger);
            await httpContext.SignOutAsync(SignInSchemes.Cookie);
            var signInAgain = Problem(StatusCodes.Status401Unauthorized, "Sign in again", refused);
            signInAgain.Detail = "Genesys Cloud no longer accepts your sign-in (the refresh token was revoked, expired or already used). Sign in again at /signin.";
            return await WriteAsync(httpContext, signInAgain, exception);
        }

        if (exception is not GenesysCloudException genesys)
        {
            return false;
        }

        var problem = genesys switch
        {
            GenesysCloudApiException api => FromApi(api),
            GenesysCloudTransportException { IsTimeout: true } => Problem(StatusCodes.Status504GatewayTimeout, "Genesys Cloud did not answer in time", genesys),
            GenesysCloudTransportException => Problem(StatusCodes.Status502BadGateway, "Genesys Cloud could not be reached", genesys),
            GenesysCloudAuthenticationException => Problem(StatusCodes.Status502BadGateway, "Genesys Cloud refused this application's credentials", genesys),
            GenesysCloudClientStateException or GenesysCloudCallAbortedException => Problem(StatusCodes.Status503ServiceUnavailable, "The Genesys Cloud client is not accepting calls", genesys),
            _ => Problem(StatusCodes.Status502BadGateway, "Genesys Cloud call failed", genesys),
        };

        return await WriteAsync(httpContext, problem, exception);
    }

    private async ValueTask<bool> WriteAsync(HttpContext httpContext, ProblemDetails problem, Exception exception)
    {
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails FromApi(GenesysCloudApiException exception)
    {
        var genesysStatus = (int)exception.StatusCode;
        var status = exception.StatusCode == HttpStatusCode.Unauthorized ? StatusCodes.Status502BadGateway : genesysStatus;
        var problem = new ProblemDetails
        {
            Status = status,
            Title = ReasonPhrases.GetReasonPhrase(status),
            Detail = exception.Error?.Message ?? exception.Message,
        };
        problem.Extensions["errorCode"] = exception.ErrorCode;
        problem.Extensions["genesysStatus"] = genesysStatus;
        problem.Extensions["correlationId"] = exception.CorrelationId ?? exception.Error?.ContextId;
        if (exception.Error?.Code is { } code)
        {
            problem.Extensions["code"] = code;
        }

        return problem;
    }

    private static ProblemDetails Problem(int status, string title, GenesysCloudException exception) => new()
    {
        Status = status,
        Title = title,
        Detail = exception.Message,
        Extensions = { ["errorCode"] = exception.ErrorCode },
    };
}
