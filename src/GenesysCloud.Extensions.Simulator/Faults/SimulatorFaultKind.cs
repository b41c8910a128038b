namespace GenesysCloud.Extensions.Simulator;

/// <summary>What a fault does to the request it matches.</summary>
public enum SimulatorFaultKind
{
    /// <summary>Answer a status code with a Genesys error body (and <c>Retry-After</c> when set).</summary>
    Status,

    /// <summary>Reset the connection without answering.</summary>
    ResetConnection,

    /// <summary>Wait <see cref="SimulatorFault.Delay"/> on the simulator's clock, then answer normally.</summary>
    Stall,

    /// <summary>Answer a body that is declared as JSON but does not parse.</summary>
    MalformedJson,

    /// <summary>Declare a <c>Content-Length</c> larger than what is sent, send part of a JSON body, then reset the connection.</summary>
    TruncatedJson,

    /// <summary>Answer a valid but very large JSON body (<see cref="SimulatorFault.HugeBodyBytes"/>).</summary>
    HugeBody,

    /// <summary>Answer an HTML body with <c>Content-Type: text/html</c>.</summary>
    WrongContentType,
}
