using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace GenesysCloud.Extensions.Simulator.Http;

/// <summary>Writes a <see cref="SimulatorResult"/> to the response.</summary>
internal static class ResultWriter
{
    private static readonly JsonSerializerOptions SerializerOptions = new() { WriteIndented = false };

    public static async Task WriteAsync(HttpContext context, SimulatorResult result)
    {
        var response = context.Response;
        response.StatusCode = result.StatusCode;
        foreach (var (name, value) in result.Headers)
        {
            response.Headers[name] = value;
        }

        if (result.Text is not null)
        {
            var text = Encoding.UTF8.GetBytes(result.Text);
            response.ContentType = $"{result.TextMediaType}; charset=UTF-8";
            response.ContentLength = text.Length;
            await response.Body.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (result.Body is null)
        {
            response.ContentLength = 0;
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(result.Body.ToJsonString(SerializerOptions));
        response.ContentType = "application/json; charset=UTF-8";
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }
}
