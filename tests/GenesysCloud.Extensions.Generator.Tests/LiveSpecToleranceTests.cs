using System.Text.Json;
using GenesysCloud.Extensions.Generator;

namespace GenesysCloud.Extensions.Generator.Tests;

/// <summary>The spec Genesys publishes has more than the shared copy; the generator must take it in its stride.</summary>
public sealed class LiveSpecToleranceTests
{
    private const string Spec = """
        {
          "swagger": "2.0",
          "info": { "title": "PureCloud Platform API", "version": "v2", "contact": { "name": "x" }, "license": { "name": "y" } },
          "x-top-level": true,
          "securityDefinitions": { "PureCloud OAuth": { "type": "oauth2", "flow": "implicit", "scopes": { "all": "all" } } },
          "tags": [ { "name": "Usage", "description": "Usage", "externalDocs": { "description": "d", "url": "https://x" } } ],
          "responses": { "Accepted": { "description": "accepted", "schema": { "$ref": "#/definitions/UsageJob" } } },
          "parameters": { "jobId": { "name": "jobId", "in": "path", "required": true, "type": "string" } },
          "paths": {
            "/api/v2/usage/jobs/{jobId}": {
              "parameters": [ { "$ref": "#/parameters/jobId" } ],
              "get": {
                "tags": ["Usage"],
                "operationId": "getUsageJob",
                "parameters": [
                  { "name": "since", "in": "query", "type": "integer", "format": "int64" },
                  { "name": "ratio", "in": "query", "type": "number", "format": "float" },
                  { "name": "fields", "in": "query", "type": "array", "items": { "type": "string" }, "collectionFormat": "csv" }
                ],
                "responses": {
                  "202": { "$ref": "#/responses/Accepted" },
                  "400": { "description": "bad", "schema": { "$ref": "#/definitions/ErrorBody" }, "x-inin-error-codes": { "bad.request": "x" } },
                  "default": { "description": "error", "schema": { "$ref": "#/definitions/ErrorBody" } }
                },
                "x-inin-requires-permissions": { "type": "ALL", "permissions": ["usage:job:view", "usage:job:edit"] },
                "x-purecloud-method-name": "getUsageJob"
              }
            },
            "/api/v2/untagged": {
              "put": { "responses": { "204": { "description": "ok" } } }
            }
          },
          "definitions": {
            "UsageJob": {
              "type": "object",
              "description": "model description",
              "properties": {
                "bytes": { "type": "integer", "format": "int64", "readOnly": true, "minimum": 0 },
                "share": { "type": "number", "format": "float" },
                "status": { "type": "string", "enum": ["queued", "done"], "x-genesys-enum-members": [ { "name": "queued" } ] },
                "kinds": { "type": "array", "uniqueItems": true, "items": { "type": "string", "enum": ["a", "b"] } },
                "count": { "type": "integer", "enum": [1, 2] }
              }
            },
            "ErrorBody": { "type": "object", "properties": { "message": { "type": "string" } } }
          }
        }
        """;

    private readonly SortedDictionary<string, string> _files;
    private readonly GenerationSummary _summary;

    public LiveSpecToleranceTests() => _files = ApiSurfaceGenerator.Generate(Spec, out _summary);

    [Fact]
    public void Untagged_operations_land_in_a_default_category_and_get_a_name()
    {
        Assert.Equal(2, _summary.Categories);
        Assert.Contains("PutApiV2UntaggedAsync(", _files["Api/IDefaultApi.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Formats_path_level_and_ref_parameters_and_non_200_responses_are_understood()
    {
        var usage = _files["Api/IUsageApi.cs"];
        Assert.Contains(
            "global::System.Threading.Tasks.Task<global::GenesysCloud.Extensions.Models.UsageJob> GetUsageJobAsync(string jobId, long? since = null, double? ratio = null, global::System.Collections.Generic.IEnumerable<string>? fields = null, global::System.Threading.CancellationToken cancellationToken = default);",
            usage,
            StringComparison.Ordinal);
        Assert.Contains("Requires all of the permissions: <c>usage:job:view</c>, <c>usage:job:edit</c>.", usage, StringComparison.Ordinal);

        using var manifest = JsonDocument.Parse(_files["api-manifest.json"]);
        var operation = manifest.RootElement.GetProperty("operations").EnumerateArray().Single(o => o.GetProperty("operationId").GetString() == "getUsageJob");
        Assert.Equal(202, operation.GetProperty("successStatus").GetInt32());
        Assert.Equal(["jobId", "since", "ratio", "fields"], operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public void Csv_query_arrays_are_joined_and_multi_arrays_repeat()
    {
        Assert.Contains(
            "apiRequest.WithQueryParameter(\"fields\", fields is null ? null : string.Join(\",\", fields));",
            _files["Api/UsageApi.cs"],
            StringComparison.Ordinal);
    }

    [Fact]
    public void Models_take_int64_float_item_enums_and_ignore_error_only_definitions()
    {
        var job = _files["Models/UsageJob.cs"];
        Assert.Contains("public long? Bytes { get ", job, StringComparison.Ordinal);
        Assert.Contains("public double? Share { get ", job, StringComparison.Ordinal);
        Assert.Contains("public long? Count { get ", job, StringComparison.Ordinal); // integer enums stay numbers
        Assert.Contains("IReadOnlyList<global::GenesysCloud.Extensions.Models.UsageJob.KindsEnum>? Kinds", job, StringComparison.Ordinal);
        Assert.DoesNotContain("Models/ErrorBody.cs", _files.Keys);
    }
}
