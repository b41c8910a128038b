using System.Globalization;
using System.Text.Json;

namespace GenesysCloud.Extensions.Generator;

/// <summary>Writes the category interfaces, their implementations, the paging helpers and the DI registration.</summary>
internal static class ApiGenerator
{
    internal const string ApiNamespace = "GenesysCloud.Extensions.Api";
    internal const string ObsoleteMessage = "This operation is deprecated in the Genesys Cloud Platform API.";
    private const string Invoker = "global::GenesysCloud.Extensions.Api.GenesysCloudApiInvoker";

    public static void Write(IReadOnlyList<ApiCategory> categories, IReadOnlyDictionary<CsType, string> responseTypes, IDictionary<string, string> files)
    {
        foreach (var category in categories)
        {
            files[$"Api/{category.Interface}.cs"] = WriteInterface(category);
            files[$"Api/{category.Implementation}.cs"] = WriteImplementation(category, responseTypes);
            if (category.Methods.Any(m => m.PagingName is not null))
            {
                files[$"Api/{category.PagingExtensions}.cs"] = WritePagingExtensions(category);
            }

            if (category.Methods.Any(m => m.Operation.Parameters.Any(p => p.IsRequiredJsonBody)))
            {
                files[$"Api/{category.JsonBodyExtensions}.cs"] = JsonBodyOverloadGenerator.Write(category);
            }
        }

        files["GenesysCloudApiRegistration.cs"] = WriteRegistration(categories);
        files["Api/GenesysCloudApiProvider.cs"] = WriteProvider(categories);
    }

    private static string WriteInterface(ApiCategory category)
    {
        var w = CodeWriter.File(ApiNamespace);
        var count = category.Methods.Count.ToString(CultureInfo.InvariantCulture);
        w.Doc("summary", $"The <c>{Naming.Xml(category.Tag)}</c> category of the Genesys Cloud Platform API ({count} operations).");
        w.Doc(
            "remarks",
            "Registered as a singleton by <c>AddGenesysCloud</c>; thread-safe. Every method goes through the client's request pipeline\n"
            + "(pacing, OAuth, retries, telemetry). To read the status and headers of a successful call, wrap it in a\n"
            + "<see cref=\"global::GenesysCloud.Extensions.Requests.GenesysCloudResponseScope\"/>.");
        w.Open($"public interface {category.Interface}");
        var first = true;
        foreach (var (operation, methodName, _) in category.Methods)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            WriteMethodDocs(w, operation);
            if (operation.Source.Deprecated)
            {
                w.Line($"[global::System.Obsolete({Naming.Literal(ObsoleteMessage)})]");
            }

            w.Line($"{operation.ReturnTask} {methodName}({Signature(operation.Parameters)});");
        }

        w.Close();
        return w.ToString();
    }

    private static void WriteMethodDocs(CodeWriter w, ApiOperation operation)
    {
        var source = operation.Source;
        w.Doc("summary", Naming.Xml(string.IsNullOrWhiteSpace(source.Summary) ? source.OperationId : source.Summary));
        var remarks = new List<string> { $"<para><c>{source.Method} {Naming.Xml(source.Path)}</c> (<c>{Naming.Xml(source.OperationId)}</c>)</para>" };
        if (!string.IsNullOrWhiteSpace(source.Description) && source.Description.Trim() != source.Summary?.Trim())
        {
            remarks.Add($"<para>{Naming.Xml(source.Description)}</para>");
        }

        if (source.Preview)
        {
            remarks.Add("<para>Preview: this resource may change or be removed without notice.</para>");
        }

        if (source.Deprecated)
        {
            remarks.Add("<para>Deprecated in the Genesys Cloud Platform API.</para>");
        }

        if (Permissions(source.Permissions) is { } permissions)
        {
            remarks.Add($"<para>{permissions}</para>");
        }

        w.Doc("remarks", string.Join('\n', remarks));
        foreach (var p in operation.Parameters)
        {
            w.Doc("param", p.Doc, $"name=\"{Naming.Unescaped(p.Name)}\"");
        }

        w.Doc("param", "Cancels the call; a call still waiting in the backlog is removed without using rate budget.", "name=\"cancellationToken\"");
        w.Doc("returns", operation.ReturnType is null
            ? "A task that completes when the call succeeds."
            : $"The response body (<c>{Naming.Xml(operation.ReturnType.Display)}</c>).");
    }

    internal static string? Permissions(JsonElement? permissions)
    {
        if (permissions is not { ValueKind: JsonValueKind.Object } element
            || !element.TryGetProperty("permissions", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var names = list.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String).Select(p => $"<c>{Naming.Xml(p.GetString()!)}</c>").ToList();
        if (names.Count == 0)
        {
            return null;
        }

        var all = SwaggerDocument.GetString(element, "type") == "ALL";
        return $"Requires {(all ? "all" : "any")} of the permissions: {string.Join(", ", names)}.";
    }

    internal static string Signature(IReadOnlyList<MethodParameter> parameters, bool cancellationToken = true)
    {
        var parts = parameters.Select(p => p.Declaration).ToList();
        if (cancellationToken)
        {
            parts.Add("global::System.Threading.CancellationToken cancellationToken = default");
        }

        return string.Join(", ", parts);
    }

    private static void WriteGuards(CodeWriter w, IEnumerable<MethodParameter> parameters)
    {
        foreach (var p in parameters.Where(p => p.Required && (!p.Type.IsValueType || p.IsRequiredJsonBody)))
        {
            w.Line(p.IsRequiredJsonBody ? $"{Invoker}.ThrowIfNoValue({p.Name}, {Naming.Literal(Naming.Unescaped(p.Name))});"
                : p.Type == CsType.String ? $"global::System.ArgumentException.ThrowIfNullOrEmpty({p.Name});"
                : $"global::System.ArgumentNullException.ThrowIfNull({p.Name});");
        }
    }

    private static string WriteImplementation(ApiCategory category, IReadOnlyDictionary<CsType, string> responseTypes)
    {
        var w = CodeWriter.File(ApiNamespace);
        w.Doc("summary", $"Implements <see cref=\"{category.Interface}\"/> over the client's single request pipeline.");
        w.Open($"internal sealed class {category.Implementation} : {category.Interface}");
        w.Line($"private const string CategoryName = {Naming.Literal(category.Tag)};");
        w.Line();
        w.Line("private readonly global::GenesysCloud.Extensions.IGenesysCloudClient _client;");
        w.Line();
        w.Doc("summary", $"Initializes a new instance of the <see cref=\"{category.Implementation}\"/> class.");
        w.Doc("param", "The client whose pipeline sends every call.", "name=\"client\"");
        w.Open($"public {category.Implementation}(global::GenesysCloud.Extensions.IGenesysCloudClient client)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(client);");
        w.Line("_client = client;");
        w.Close();
        foreach (var (operation, methodName, _) in category.Methods)
        {
            var source = operation.Source;
            w.Line();
            if (source.Deprecated)
            {
                w.Line($"[global::System.Obsolete({Naming.Literal(ObsoleteMessage)})]");
            }

            w.Open($"public {operation.ReturnTask} {methodName}({Signature(operation.Parameters)})");
            WriteGuards(w, operation.Parameters);
            var method = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(source.Method.ToLowerInvariant());
            w.Line($"var apiRequest = new global::GenesysCloud.Extensions.Requests.GenesysCloudRequest(global::System.Net.Http.HttpMethod.{method}, {Naming.Literal(source.Path)}) {{ Category = CategoryName, Operation = {Naming.Literal(source.OperationId)} }};");
            foreach (var p in operation.Parameters)
            {
                var wire = Naming.Literal(p.Source.Name);
                w.Line(p.Source.In switch
                {
                    "path" => $"apiRequest.WithPathParameter({wire}, {p.Name});",
                    "query" when Delimiter(p.Source.Schema) is { } delimiter =>
                        $"apiRequest.WithQueryParameter({wire}, {p.Name} is null ? null : string.Join({Naming.Literal(delimiter)}, {p.Name}));",
                    "query" => $"apiRequest.WithQueryParameter({wire}, {p.Name});",
                    "header" => $"apiRequest.WithHeader({wire}, {p.Name});",
                    _ when p.IsTextBody => $"apiRequest.WithTextBody({p.Name}, {Naming.Literal(source.Consumes.FirstOrDefault() ?? "application/json")});",
                    _ => $"apiRequest.WithJsonBody({p.Name});",
                });
            }

            if (operation.ReturnsText)
            {
                w.Line($"apiRequest.WithHeader(\"Accept\", {Naming.Literal(string.Join(", ", source.Produces))});");
                w.Line($"return {Invoker}.SendForTextAsync(_client, apiRequest, cancellationToken);");
            }
            else
            {
                w.Line(operation.ReturnType is null
                    ? $"return {Invoker}.SendAsync(_client, apiRequest, cancellationToken);"
                    : $"return {Invoker}.SendAsync(_client, apiRequest, {JsonTypeInfoGenerator.Qualified}.{responseTypes[operation.ReturnType]}, cancellationToken);");
            }
            w.Close();
        }

        w.Close();
        return w.ToString();
    }

    // Query arrays are sent as repeated keys (collectionFormat multi, which Genesys declares for all of them);
    // an explicit csv/ssv/tsv/pipes format joins the values into one parameter instead.
    private static string? Delimiter(JsonElement schema) =>
        SwaggerDocument.GetString(schema, "type") != "array" ? null : SwaggerDocument.GetString(schema, "collectionFormat") switch
        {
            "csv" => ",",
            "ssv" => " ",
            "tsv" => "\t",
            "pipes" => "|",
            _ => null,
        };

    private static string WritePagingExtensions(ApiCategory category)
    {
        var w = CodeWriter.File(ApiNamespace);
        w.Doc("summary", $"Lazy, paged enumeration of the listings of <see cref=\"{category.Interface}\"/>: one <c>...PageableAsync</c> helper per paged operation.");
        w.Open($"public static class {category.PagingExtensions}");
        var first = true;
        foreach (var (operation, methodName, pagingName) in category.Methods)
        {
            if (pagingName is null || operation.Paging is not { } paging)
            {
                continue;
            }

            if (!first)
            {
                w.Line();
            }

            first = false;
            var source = operation.Source;
            var parameters = operation.Parameters.Where(p => p != paging.Parameter).ToList();
            w.Doc("summary", $"Enumerates every item of <see cref=\"{category.Interface}.{methodName}\"/> lazily, requesting each page (by <c>{Naming.Xml(paging.Parameter.Source.Name)}</c>) when the enumeration reaches it.");
            w.Doc("remarks", $"<para><c>{source.Method} {Naming.Xml(source.Path)}</c>. Use <c>AsPages()</c> for page-level access (totals, continuation tokens).</para>\n<para>{Naming.Xml(source.Summary ?? source.OperationId)}</para>");
            w.Doc("param", "The category API.", "name=\"api\"");
            foreach (var p in parameters)
            {
                w.Doc("param", p.Doc, $"name=\"{Naming.Unescaped(p.Name)}\"");
            }

            w.Doc("returns", $"The items (<c>{Naming.Xml(paging.Item.Display)}</c>) of every page, fetched lazily.");
            if (source.Deprecated)
            {
                w.Line($"[global::System.Obsolete({Naming.Literal(ObsoleteMessage)})]");
            }

            var thisApi = $"this {category.Interface} api";
            var signature = parameters.Count == 0 ? thisApi : thisApi + ", " + Signature(parameters, cancellationToken: false);
            w.Open($"public static global::GenesysCloud.Extensions.Paging.GenesysCloudAsyncPageable<{paging.Item.Name}> {pagingName}({signature})");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(api);");
            WriteGuards(w, parameters);
            var arguments = operation.Parameters
                .Select(p => p != paging.Parameter ? $"{p.Name}: {p.Name}"
                    : p.Type == CsType.String && paging.Style == "pageNumber" ? $"{p.Name}: pagingToken.ToString(global::System.Globalization.CultureInfo.InvariantCulture)"
                    : $"{p.Name}: pagingToken")
                .Append("cancellationToken: pagingCancellationToken");
            var call = $"(pagingToken, pagingCancellationToken) => api.{methodName}({string.Join(", ", arguments)})";
            var factory = paging.Style == "pageNumber" ? "ByPageNumber" : "ByCursor";
            w.Line($"return global::GenesysCloud.Extensions.Paging.GenesysCloudPaging.{factory}<{paging.Listing.Name}, {paging.Item.Name}>(");
            w.Indent();
            w.Line($"{Naming.Literal(source.Path)},");
            if (paging.Style == "cursor")
            {
                w.Line($"{Naming.Literal(paging.Parameter.Source.Name)},");
            }

            w.Line($"{call},");
            w.Line($"static listing => listing.{paging.ItemsProperty},");
            if (paging.Style == "pageNumber")
            {
                w.Line(paging.PageCountProperty is null ? "null," : $"static listing => listing.{paging.PageCountProperty},");
            }
            else
            {
                w.Line(paging.CursorProperty is null ? "null," : $"static listing => listing.{paging.CursorProperty},");
            }

            w.Line(paging.NextUriProperty is null ? "null);" : $"static listing => listing.{paging.NextUriProperty});");
            w.Outdent();
            w.Close();
        }

        w.Close();
        return w.ToString();
    }

    private static string WriteRegistration(IReadOnlyList<ApiCategory> categories)
    {
        const string Di = "global::Microsoft.Extensions.DependencyInjection";
        var count = categories.Count.ToString(CultureInfo.InvariantCulture);
        var w = CodeWriter.File("GenesysCloud.Extensions");
        w.Doc("summary", "Registers the implementation of every API category interface, for the unnamed client and for named ones.");
        w.Open("internal static class GenesysCloudApiRegistration");
        w.Doc("summary", $"The {count} category interfaces.");
        w.Open("private static readonly global::System.Type[] ApiTypes =");
        foreach (var category in categories)
        {
            w.Line($"typeof(global::{ApiNamespace}.{category.Interface}),");
        }

        w.Outdent();
        w.Line("};");
        w.Line();
        w.Doc(
            "summary",
            $"Registers the {count} category interfaces of a client as singletons, keeping any registration already made: unkeyed for the\n"
            + "unnamed client (<paramref name=\"name\"/> empty), keyed by <paramref name=\"name\"/> for a named one.");
        w.Doc("param", "The service collection.", "name=\"services\"");
        w.Doc("param", "The client's name; empty for the unnamed client.", "name=\"name\"");
        w.Doc("returns", "The same service collection.");
        w.Open($"internal static {Di}.IServiceCollection AddGenesysCloudApis({Di}.IServiceCollection services, string name)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(services);");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(name);");
        w.Line($"{Di}.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton<global::{ApiNamespace}.IGenesysCloudApiProvider, global::{ApiNamespace}.GenesysCloudApiProvider>(services);");
        w.Open("foreach (var apiType in ApiTypes)");
        w.Open("if (name.Length == 0)");
        w.Line($"{Di}.Extensions.ServiceCollectionDescriptorExtensions.TryAdd(services, {Di}.ServiceDescriptor.Singleton(apiType, sp => global::{ApiNamespace}.GenesysCloudApiProvider.CreateApi(apiType, {Di}.ServiceProviderServiceExtensions.GetRequiredService<global::GenesysCloud.Extensions.IGenesysCloudClient>(sp))!));");
        w.Close();
        w.Open("else");
        w.Line($"{Di}.Extensions.ServiceCollectionDescriptorExtensions.TryAdd(services, {Di}.ServiceDescriptor.KeyedSingleton(apiType, name, (sp, key) => global::{ApiNamespace}.GenesysCloudApiProvider.CreateApi(apiType, {Di}.ServiceProviderKeyedServiceExtensions.GetRequiredKeyedService<global::GenesysCloud.Extensions.IGenesysCloudClient>(sp, key))!));");
        w.Close();
        w.Close();
        w.Line();
        w.Line("return services;");
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static string WriteProvider(IReadOnlyList<ApiCategory> categories)
    {
        var w = CodeWriter.File(ApiNamespace);
        w.Doc("summary", "Creates the implementation of a category interface over a client, without reflection (named and run-time clients use it).");
        w.Open("internal sealed class GenesysCloudApiProvider : global::GenesysCloud.Extensions.Api.IGenesysCloudApiProvider");
        w.Line("/// <inheritdoc/>");
        w.Line("public object? Create(global::System.Type apiType, global::GenesysCloud.Extensions.IGenesysCloudClient client) => CreateApi(apiType, client);");
        w.Line();
        w.Doc("summary", "Creates the implementation of <paramref name=\"apiType\"/>, or returns <see langword=\"null\"/> when it is not a category interface.");
        w.Doc("param", "The category interface.", "name=\"apiType\"");
        w.Doc("param", "The client the calls go through.", "name=\"client\"");
        w.Doc("returns", "The implementation, or <see langword=\"null\"/>.");
        w.Open("internal static object? CreateApi(global::System.Type apiType, global::GenesysCloud.Extensions.IGenesysCloudClient client)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(apiType);");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(client);");
        foreach (var category in categories)
        {
            w.Open($"if (apiType == typeof({category.Interface}))");
            w.Line($"return new {category.Implementation}(client);");
            w.Close();
            w.Line();
        }

        w.Line("return null;");
        w.Close();
        w.Close();
        return w.ToString();
    }
}
