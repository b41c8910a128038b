namespace GenesysCloud.Extensions.Errors;

/// <summary>
/// Stable error codes carried by every exception of this library (<see cref="GenesysCloudException.ErrorCode"/>,
/// <see cref="GenesysCloudArgumentException.ErrorCode"/>) and by option validation messages. The values keep the
/// names of the original Node.js client's errors so that runbooks and alerts can be shared.
/// </summary>
public static class GenesysCloudErrorCodes
{
    /// <summary>The client id is not a string.</summary>
    public const string ClientIdTypeInvalid = "GC_PLATFORM_API_CLIENT_ID_TYPE_INVALID";

    /// <summary>The client id is not a UUID.</summary>
    public const string ClientIdInvalidUuid = "GC_PLATFORM_API_CLIENT_ID_INVALID_UUID";

    /// <summary>The client secret is missing or not a string.</summary>
    public const string ClientSecretTypeInvalid = "GC_PLATFORM_API_CLIENT_SECRET_TYPE_INVALID";

    /// <summary>The region is missing or not a string.</summary>
    public const string RegionTypeInvalid = "GC_PLATFORM_API_CLIENT_REGION_TYPE_INVALID";

    /// <summary>The region is not one of the Genesys Cloud regions.</summary>
    public const string RegionInvalid = "GC_PLATFORM_API_CLIENT_REGION_INVALID";

    /// <summary>The socket timeout is not a valid duration.</summary>
    public const string SocketTimeoutTypeInvalid = "GC_PLATFORM_API_CLIENT_SOCKET_TIMEOUT_TYPE_INVALID";

    /// <summary>The socket timeout is out of bounds.</summary>
    public const string SocketTimeoutOutOfBounds = "GC_PLATFORM_API_CLIENT_SOCKET_TIMEOUT_OUT_OF_BOUNDS";

    /// <summary>The time between requests is not a valid duration.</summary>
    public const string TimeBetweenRequestsTypeInvalid = "GC_PLATFORM_API_CLIENT_TIME_BETWEEN_REQUESTS_TYPE_INVALID";

    /// <summary>The time between requests is out of bounds.</summary>
    public const string TimeBetweenRequestsOutOfBounds = "GC_PLATFORM_API_CLIENT_TIME_BETWEEN_REQUESTS_OUT_OF_BOUNDS";

    /// <summary>The maximum number of retries is not an integer.</summary>
    public const string MaxRetriesTypeInvalid = "GC_PLATFORM_API_CLIENT_MAX_RETRIES_TYPE_INVALID";

    /// <summary>The maximum number of retries is out of bounds.</summary>
    public const string MaxRetriesOutOfBounds = "GC_PLATFORM_API_CLIENT_MAX_RETRIES_OUT_OF_BOUNDS";

    /// <summary>A base address override is invalid (not absolute, or plain HTTP to a host that is not loopback).</summary>
    public const string BaseAddressInvalid = "GC_PLATFORM_API_CLIENT_BASE_ADDRESS_INVALID";

    /// <summary>An option's configured text cannot be read as its type (and the option has no more specific code).</summary>
    public const string OptionTypeInvalid = "GC_PLATFORM_API_CLIENT_OPTION_TYPE_INVALID";

    /// <summary>Another option is out of bounds.</summary>
    public const string OptionOutOfBounds = "GC_PLATFORM_API_CLIENT_OPTION_OUT_OF_BOUNDS";

    /// <summary>The client cannot connect in its current state.</summary>
    public const string ConnectUnavailable = "GC_PLATFORM_API_CLIENT_CONNECT_UNAVAILABLE";

    /// <summary>The client cannot close in its current state.</summary>
    public const string CloseUnavailable = "GC_PLATFORM_API_CLIENT_CLOSE_UNAVAILABLE";

    /// <summary>The client's state does not allow API calls.</summary>
    public const string ApiCallingUnavailable = "GC_PLATFORM_API_CLIENT_API_CALLING_UNAVAILABLE";

    /// <summary>The call was removed from the backlog because the client is closing.</summary>
    public const string Closing = "GC_PLATFORM_API_CLIENT_CLOSING";

    /// <summary>The backlog is full (<c>RateLimiting:MaxBacklog</c>).</summary>
    public const string BacklogFull = "GC_PLATFORM_API_CLIENT_BACKLOG_FULL";

    /// <summary>An internal error occurred.</summary>
    public const string InternalError = "GC_PLATFORM_API_CLIENT_INTERNAL_ERROR";

    /// <summary>The OAuth client id was not found by the login service.</summary>
    public const string ClientIdNotFound = "GC_PLATFORM_API_CLIENT_ID_NOT_FOUND";

    /// <summary>The login service rejected the client credentials.</summary>
    public const string AuthenticationFailure = "GC_PLATFORM_API_CLIENT_AUTHENTICATION_FAILURE";

    /// <summary>The login service or the API answered with an unexpected body.</summary>
    public const string UnexpectedResponse = "GC_PLATFORM_API_CLIENT_UNEXPECTED_RESPONSE_ERROR";

    /// <summary>The login service or the API answered with an unexpected status code.</summary>
    public const string UnexpectedStatusCode = "GC_PLATFORM_API_CLIENT_UNEXPECTED_STATUS_CODE";

    /// <summary>A response body is larger than <c>MaxResponseContentLength</c>; it was not read to the end and the request is not sent again.</summary>
    public const string ResponseTooLarge = "GC_PLATFORM_API_CLIENT_RESPONSE_TOO_LARGE";

    /// <summary>The API answered a non-2xx status (see <see cref="GenesysCloudApiException"/>).</summary>
    public const string HttpStatusCodeError = "GC_PLATFORM_API_CLIENT_HTTP_STATUS_CODE_ERROR";

    /// <summary>The request could not be sent or its response could not be read (connection failure, timeout).</summary>
    public const string TransportError = "GC_PLATFORM_API_CLIENT_TRANSPORT_ERROR";

    /// <summary>The API call path is missing or not a valid Genesys Cloud Platform API path template.</summary>
    public const string ApiCallPathInvalid = "GC_PLATFORM_API_CLIENT_API_CALL_PATH_INVALID";

    /// <summary>The API call method is not a supported HTTP method.</summary>
    public const string ApiCallMethodInvalid = "GC_PLATFORM_API_CLIENT_API_CALL_METHOD_INVALID";

    /// <summary>A path parameter is missing, empty, or unknown to the path template.</summary>
    public const string ApiCallPathParametersInvalid = "GC_PLATFORM_API_CLIENT_API_CALL_PATH_PARAMETERS_INVALID";

    /// <summary>A query parameter has an invalid name or value.</summary>
    public const string ApiCallQueryParametersInvalid = "GC_PLATFORM_API_CLIENT_API_CALL_QUERY_PARAMETERS_INVALID";

    /// <summary>A header has an invalid name or value (for example CR/LF), or is reserved (<c>Authorization</c>).</summary>
    public const string ApiCallHeadersInvalid = "GC_PLATFORM_API_CLIENT_API_CALL_HEADERS_INVALID";

    /// <summary>The request body cannot be serialized.</summary>
    public const string ApiCallRequestBodyInvalid = "GC_PLATFORM_API_CLIENT_API_CALL_REQUEST_BODY_TYPE_INVALID";
}
