using GenesysCloud.Extensions.Simulator.Http;
using Microsoft.Extensions.Primitives;

namespace GenesysCloud.Extensions.Simulator.OAuth;

/// <summary>An authenticated token request: the organization and client it is for, its form fields and the request.</summary>
internal sealed record TokenGrantContext(SimulatorOrganization Organization, SimulatorOAuthClient Client, Dictionary<string, StringValues> Form, SimulatorRequest Request)
{
    public string Field(string name) => Form.TryGetValue(name, out var value) ? value.ToString() : string.Empty;

    public DateTimeOffset Now => Organization.TimeProvider.GetUtcNow();
}
