using System.ComponentModel;
using System.Text.Json;

namespace GenesysCloud.Extensions.Serialization;

/// <summary>
/// A generated model of the Genesys Cloud Platform API that reads and writes its own JSON, without reflection:
/// one generated reader and one generated writer per model, called by <see cref="GenesysCloudModelConverter{T}"/>.
/// </summary>
/// <typeparam name="TSelf">The implementing model.</typeparam>
/// <remarks>
/// Implemented by the generated code; users never implement it. The generated code reads and writes what
/// reflection-based System.Text.Json would with the same options (see <c>docs/decisions/0002-cold-start.md</c>).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IGenesysCloudModel<TSelf>
    where TSelf : class, IGenesysCloudModel<TSelf>
{
    /// <summary>Reads a model from the reader, positioned on the value's first token (not <c>null</c>).</summary>
    /// <param name="reader">The reader; it ends on the object's <see cref="JsonTokenType.EndObject"/>.</param>
    /// <param name="options">The options of the call (case-insensitive names, numbers read from strings).</param>
    /// <returns>The model.</returns>
    /// <exception cref="JsonException">The JSON is not an object of this model's shape.</exception>
    static abstract TSelf ReadJson(ref Utf8JsonReader reader, JsonSerializerOptions options);

    /// <summary>Writes the model as a JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The model.</param>
    /// <param name="options">The options of the call (whether nulls are written).</param>
    static abstract void WriteJson(Utf8JsonWriter writer, TSelf value, JsonSerializerOptions options);
}
