namespace GenesysCloud.Extensions.Serialization;

/// <summary>
/// An enum-like value of the Genesys Cloud Platform API: a struct holding the wire string, so values this library
/// has never seen (Genesys adds some every week) still deserialize, compare and serialize back unchanged.
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
public interface IGenesysCloudEnum<TSelf>
    where TSelf : struct, IGenesysCloudEnum<TSelf>
{
    /// <summary>Gets the wire value, for example <c>active</c>.</summary>
    string Value { get; }

    /// <summary>Creates a value from its wire string, known or not.</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The value.</returns>
    static abstract TSelf Create(string value);
}
