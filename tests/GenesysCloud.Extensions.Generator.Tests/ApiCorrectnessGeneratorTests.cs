using System.Reflection;
using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Generator;

namespace GenesysCloud.Extensions.Generator.Tests;

/// <summary>
/// The generator rules for what the method shapes get right on the wire (media types, string bodies, integers, free-form
/// bodies, formData), for names (no case-only pairs), for parameter order, and for the surface listing; over synthetic
/// spec snippets, and over the generated assembly where the rule is about the whole surface.
/// </summary>
public sealed class ApiCorrectnessGeneratorTests
{
    private const string Header = """
        { "swagger": "2.0", "info": { "title": "t", "version": "1" },
          "produces": ["application/json"], "consumes": ["application/json"],
          "definitions": { "UserQueue": { "type": "object", "properties": { "id": { "type": "string" }, "joined": { "type": "boolean" } } } },
          "paths": {
        """;

    private static SortedDictionary<string, string> Generate(string paths, out string surface) =>
        ApiSurfaceGenerator.Generate(Header + paths + "} }", out _, out surface);

    private static SortedDictionary<string, string> Generate(string paths) => Generate(paths, out _);

    [Fact]
    public void An_operation_producing_text_sends_its_media_type_as_accept_and_returns_the_body_as_text()
    {
        var files = Generate("""
            "/api/v2/templates/{fileName}": { "get": { "operationId": "getTemplate", "tags": ["Integrations"], "produces": ["text/plain"],
              "parameters": [ { "name": "fileName", "in": "path", "required": true, "type": "string" } ],
              "responses": { "200": { "description": "ok", "schema": { "type": "string" } } } } },
            "/api/v2/calendar/ics": { "get": { "operationId": "getCalendarIcs", "tags": ["Integrations"], "produces": ["text/calendar"],
              "responses": { "200": { "description": "ok", "schema": { "type": "string" } } } } }
            """);

        Assert.Contains("global::System.Threading.Tasks.Task<string> GetTemplateAsync(string fileName,", files["Api/IIntegrationsApi.cs"], StringComparison.Ordinal);
        var implementation = files["Api/IntegrationsApi.cs"];
        Assert.Contains("apiRequest.WithHeader(\"Accept\", \"text/plain\");", implementation, StringComparison.Ordinal);
        Assert.Contains("apiRequest.WithHeader(\"Accept\", \"text/calendar\");", implementation, StringComparison.Ordinal);
        Assert.Contains("GenesysCloudApiInvoker.SendForTextAsync(_client, apiRequest, cancellationToken);", implementation, StringComparison.Ordinal);
        using var manifest = System.Text.Json.JsonDocument.Parse(files["api-manifest.json"]);
        var template = manifest.RootElement.GetProperty("operations").EnumerateArray().Single(o => o.GetProperty("operationId").GetString() == "getTemplate");
        Assert.Equal(["text/plain"], template.GetProperty("produces").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public void A_string_body_is_sent_as_text_with_the_declared_content_type()
    {
        var files = Generate("""
            "/api/v2/triggers/{triggerId}/test": { "post": { "operationId": "postTriggerTest", "tags": ["Automation"],
              "parameters": [ { "name": "triggerId", "in": "path", "required": true, "type": "string" },
                              { "name": "body", "in": "body", "required": false, "schema": { "type": "string" } } ],
              "responses": { "200": { "description": "ok", "schema": { "$ref": "#/definitions/UserQueue" } } } } }
            """);

        Assert.Contains("apiRequest.WithTextBody(body, \"application/json\");", files["Api/AutomationApi.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain("WithJsonBody(body)", files["Api/AutomationApi.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Integer_parameters_are_long_whatever_their_format()
    {
        var files = Generate("""
            "/api/v2/limits/changerequests": { "get": { "operationId": "getLimitsChangerequests", "tags": ["Organization"],
              "parameters": [ { "name": "after", "in": "query", "type": "integer", "format": "int32" },
                              { "name": "pageSize", "in": "query", "type": "integer" },
                              { "name": "ids", "in": "query", "type": "array", "items": { "type": "integer", "format": "int32" } } ],
              "responses": { "200": { "description": "ok", "schema": { "$ref": "#/definitions/UserQueue" } } } } }
            """);

        Assert.Contains(
            "GetLimitsChangerequestsAsync(long? after = null, long? pageSize = null, global::System.Collections.Generic.IEnumerable<long>? ids = null,",
            files["Api/IOrganizationApi.cs"],
            StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_follow_the_official_sdk_order_and_each_path_id_names_its_segment()
    {
        var files = Generate("""
            "/api/v2/users/{userId}/queues/{queueId}": { "patch": { "operationId": "patchUserQueue", "tags": ["Users"],
              "parameters": [ { "name": "queueId", "in": "path", "required": true, "type": "string", "description": "Queue ID" },
                              { "name": "body", "in": "body", "required": false, "schema": { "$ref": "#/definitions/UserQueue" } },
                              { "name": "userId", "in": "path", "required": true, "type": "string", "description": "User ID" },
                              { "name": "expand", "in": "query", "type": "string" },
                              { "name": "divisionId", "in": "query", "required": true, "type": "string" } ],
              "responses": { "200": { "description": "ok", "schema": { "$ref": "#/definitions/UserQueue" } } } } }
            """);

        // Required ones in the spec's order, then optional ones in the spec's order (swagger-codegen's sortParamsByRequiredFlag).
        var api = files["Api/IUsersApi.cs"];
        Assert.Contains(
            "PatchUserQueueAsync(string queueId, string userId, string divisionId, global::GenesysCloud.Extensions.Models.UserQueue? body = null, string? expand = null, global::System.Threading.CancellationToken cancellationToken = default);",
            api,
            StringComparison.Ordinal);
        Assert.Contains("<param name=\"queueId\">Queue ID. Path segment <c>queues/{queueId}</c>.</param>", api, StringComparison.Ordinal);
        Assert.Contains("<param name=\"userId\">User ID. Path segment <c>users/{userId}</c>.</param>", api, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_two_operations_whose_names_differ_only_by_case_the_deprecated_one_is_named_deprecated()
    {
        var files = Generate("""
            "/api/v2/presence/definitions/{definitionId}": { "get": { "operationId": "getPresenceDefinition", "tags": ["Presence"],
              "parameters": [ { "name": "definitionId", "in": "path", "required": true, "type": "string" } ],
              "responses": { "200": { "description": "ok", "schema": { "$ref": "#/definitions/UserQueue" } } } } },
            "/api/v2/presencedefinitions/{presenceId}": { "get": { "operationId": "getPresencedefinition", "tags": ["Presence"], "deprecated": true,
              "parameters": [ { "name": "presenceId", "in": "path", "required": true, "type": "string" } ],
              "responses": { "200": { "description": "ok", "schema": { "$ref": "#/definitions/UserQueue" } } } } }
            """);

        var api = files["Api/IPresenceApi.cs"];
        Assert.Contains(" GetPresenceDefinitionAsync(string definitionId,", api, StringComparison.Ordinal);
        Assert.Contains("[global::System.Obsolete(\"This operation is deprecated in the Genesys Cloud Platform API.\")]\n    global::System.Threading.Tasks.Task<global::GenesysCloud.Extensions.Models.UserQueue> GetPresencedefinitionDeprecatedAsync(string presenceId,", api, StringComparison.Ordinal);
        Assert.DoesNotContain(" GetPresencedefinitionAsync(", api, StringComparison.Ordinal);
    }

    [Fact]
    public void No_generated_interface_or_extension_class_has_two_members_differing_only_by_case()
    {
        var types = typeof(IPresenceApi).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "GenesysCloud.Extensions.Api" && (t.IsInterface || (t.IsAbstract && t.IsSealed)))
            .ToList();
        Assert.True(types.Count > 86, $"{types.Count} types");
        var clashes = types
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Select(m => m.Name).Distinct(StringComparer.Ordinal)
                .GroupBy(n => n, StringComparer.OrdinalIgnoreCase)
                .Where(g => g.Count() > 1)
                .Select(g => $"{t.Name}: {string.Join(" / ", g)}"))
            .ToList();

        Assert.True(clashes.Count == 0, string.Join("\n", clashes));
        Assert.NotNull(typeof(IPresenceApi).GetMethod("GetPresencedefinitionDeprecatedAsync")!.GetCustomAttribute<ObsoleteAttribute>());
    }

    [Fact]
    public void A_required_free_form_body_is_guarded_and_gets_a_typed_overload()
    {
        var files = Generate("""
            "/api/v2/flows/{flowId}/versions": { "post": { "operationId": "postFlowVersions", "tags": ["Architect"],
              "parameters": [ { "name": "flowId", "in": "path", "required": true, "type": "string" },
                              { "name": "body", "in": "body", "required": true, "schema": { "type": "object" } } ],
              "responses": { "200": { "description": "ok", "schema": { "$ref": "#/definitions/UserQueue" } } } } }
            """);

        Assert.Contains("global::GenesysCloud.Extensions.Api.GenesysCloudApiInvoker.ThrowIfNoValue(body, \"body\");", files["Api/ArchitectApi.cs"], StringComparison.Ordinal);
        var overloads = files["Api/ArchitectApiJsonBodyExtensions.cs"];
        Assert.Contains(
            "PostFlowVersionsAsync<TBody>(this global::GenesysCloud.Extensions.Api.IArchitectApi api, string flowId, TBody body, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<TBody> bodyTypeInfo, global::System.Threading.CancellationToken cancellationToken = default)",
            overloads,
            StringComparison.Ordinal);
        Assert.Contains("global::System.Text.Json.JsonSerializer.SerializeToElement(body, bodyTypeInfo)", overloads, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("formData")]
    [InlineData("cookie")]
    public void A_parameter_the_method_could_not_send_fails_the_generation_loudly(string location)
    {
        var paths = $$"""
            "/api/v2/uploads": { "post": { "operationId": "postUpload", "tags": ["Uploads"], "consumes": ["multipart/form-data"],
              "parameters": [ { "name": "file", "in": "{{location}}", "required": true, "type": "file" } ],
              "responses": { "200": { "description": "ok" } } } }
            """;

        var error = Assert.Throws<NotSupportedException>(() => Generate(paths));

        Assert.Contains("postUpload", error.Message, StringComparison.Ordinal);
        Assert.Contains("'file'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{location}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_surface_listing_is_one_sorted_line_per_public_member()
    {
        Generate("""
            "/api/v2/users/{userId}/queues/{queueId}": { "patch": { "operationId": "patchUserQueue", "tags": ["Users"],
              "parameters": [ { "name": "queueId", "in": "path", "required": true, "type": "string" },
                              { "name": "userId", "in": "path", "required": true, "type": "string" },
                              { "name": "body", "in": "body", "required": true, "schema": { "$ref": "#/definitions/UserQueue" } } ],
              "responses": { "200": { "description": "ok", "schema": { "$ref": "#/definitions/UserQueue" } } } } }
            """, out var surface);

        var lines = surface.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(lines.Order(StringComparer.Ordinal), lines);
        Assert.Contains("Api.IUsersApi.PatchUserQueueAsync(string queueId, string userId, UserQueue body, CancellationToken cancellationToken = default) -> Task<UserQueue>", lines);
        Assert.Contains("Models.UserQueue.Joined: bool? [\"joined\"]", lines);
        Assert.Contains("interface Api.IUsersApi", lines);
    }
}
