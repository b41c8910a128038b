using System.Globalization;
using System.Text;
using System.Text.Json;
using GenesysCloud.Extensions.Simulator.Http;
using Microsoft.AspNetCore.Http;

namespace GenesysCloud.Extensions.Simulator.Faults;

/// <summary>Carries out a matched fault on the wire.</summary>
internal sealed class FaultResponder(TimeProvider timeProvider, SimulatorInspector inspector)
{
    private const string MalformedJson = "{\"entities\":[{\"id\":\"6e0f3b1c\",\"name\":\"Support\",}],\"pageSize\":25,";
    private const string WrongContentTypeBody = "<!DOCTYPE html><html><head><title>503 Service Temporarily Unavailable</title></head><body><h1>Service Temporarily Unavailable</h1></body></html>";

    /// <summary>Applies the fault; returns <see langword="false"/> when the request should go on to be answered normally (a stall).</summary>
    public async Task<bool> ApplyAsync(FaultMatch match, SimulatorRequest request)
    {
        var fault = match.Fault;
        var response = request.HttpContext.Response;
        request.Fault = fault.Kind.ToString();
        switch (fault.Kind)
        {
            case SimulatorFaultKind.Stall:
                await ClockDelay.WaitAsync(fault.Delay, timeProvider, inspector, request.Aborted).ConfigureAwait(false);
                return false;

            case SimulatorFaultKind.ResetConnection:
                request.HttpContext.Abort();
                return true;

            case SimulatorFaultKind.Status:
                var (code, message) = GenesysErrors.Describe(match.StatusCode);
                var result = GenesysErrors.Create(match.StatusCode, code, message, request.CorrelationId);
                var retryAfter = fault.RetryAfter ?? (match.StatusCode == 429 ? match.TimeLeft ?? TimeSpan.FromSeconds(1) : null);
                if (retryAfter is { } wait)
                {
                    result.WithHeader("Retry-After", Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
                }

                await ResultWriter.WriteAsync(request.HttpContext, result).ConfigureAwait(false);
                return true;

            case SimulatorFaultKind.MalformedJson:
                await WriteTextAsync(response, match.StatusCode, "application/json; charset=UTF-8", MalformedJson, request.Aborted).ConfigureAwait(false);
                return true;

            case SimulatorFaultKind.WrongContentType:
                await WriteTextAsync(response, match.StatusCode, "text/html; charset=UTF-8", WrongContentTypeBody, request.Aborted).ConfigureAwait(false);
                return true;

            case SimulatorFaultKind.TruncatedJson:
                var full = Encoding.UTF8.GetBytes("{\"entities\":[{\"id\":\"6e0f3b1c-1d2e-4f50-8a9b-0c1d2e3f4a5b\",\"name\":\"Support\"}],\"pageSize\":25,\"pageNumber\":1,\"total\":1}");
                response.StatusCode = match.StatusCode;
                response.ContentType = "application/json; charset=UTF-8";
                response.ContentLength = full.Length;
                await response.Body.WriteAsync(full.AsMemory(0, full.Length / 2), request.Aborted).ConfigureAwait(false);
                await response.Body.FlushAsync(request.Aborted).ConfigureAwait(false);
                request.HttpContext.Abort();
                return true;

            case SimulatorFaultKind.HugeBody:
                await WriteHugeBodyAsync(response, match.StatusCode, fault.HugeBodyBytes, request.Aborted).ConfigureAwait(false);
                return true;

            default:
                throw new InvalidOperationException($"Unknown fault kind {fault.Kind}.");
        }
    }

    private static async Task WriteTextAsync(HttpResponse response, int status, string contentType, string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteHugeBodyAsync(HttpResponse response, int status, int size, CancellationToken cancellationToken)
    {
        // {"entities":["xxxx...","xxxx...",...]} sized to exactly `size` bytes, streamed in 64 KiB chunks.
        const int chunk = 64 * 1024;
        var prefix = Encoding.UTF8.GetBytes("{\"entities\":[");
        var suffix = Encoding.UTF8.GetBytes("]}");
        var element = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new string('x', chunk - 3)) + ",");
        var lastElementRoom = Math.Max(2, size - prefix.Length - suffix.Length);
        var fullElements = (lastElementRoom - 2) / element.Length;
        var last = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new string('x', Math.Max(0, lastElementRoom - (fullElements * element.Length) - 2))));

        response.StatusCode = status;
        response.ContentType = "application/json; charset=UTF-8";
        response.ContentLength = prefix.Length + (fullElements * (long)element.Length) + last.Length + suffix.Length;
        await response.Body.WriteAsync(prefix, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < fullElements; i++)
        {
            await response.Body.WriteAsync(element, cancellationToken).ConfigureAwait(false);
        }

        await response.Body.WriteAsync(last, cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync(suffix, cancellationToken).ConfigureAwait(false);
    }
}
