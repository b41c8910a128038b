using System.Text.Json;

namespace GenesysCloud.Extensions.Generator;

/// <summary>An argument of a generated method.</summary>
internal sealed record MethodParameter(SwaggerParameter Source, string Name, CsType Type, bool Required, string Doc)
{
    /// <summary>Gets the declared type: nullable when optional.</summary>
    public string Declared => Required ? Type.Name : Type.Nullable;

    public string Declaration => Required ? $"{Type.Name} {Name}" : $"{Type.Nullable} {Name} = null";

    /// <summary>Gets whether this is a body whose schema is a string: sent as-is, never JSON-quoted.</summary>
    public bool IsTextBody => Source.In == "body" && Type == CsType.String;

    /// <summary>Gets whether this is a required free-form JSON body: guarded, and given a typed overload.</summary>
    public bool IsRequiredJsonBody => Source.In == "body" && Required && Type == CsType.Json;
}

/// <summary>How a paged operation pages.</summary>
internal sealed record PagingInfo(
    string Style,
    MethodParameter Parameter,
    CsType Listing,
    CsType Item,
    string ItemsProperty,
    string ItemsWireName,
    string? PageCountProperty,
    string? NextUriProperty,
    string? CursorProperty);

/// <summary>An operation as the generator sees it: the spec operation plus its C# shape.</summary>
internal sealed record ApiOperation(
    SwaggerOperation Source,
    string BaseName,
    IReadOnlyList<MethodParameter> Parameters,
    CsType? ReturnType,
    PagingInfo? Paging)
{
    /// <summary>Gets whether the response is read as text: the operation produces no JSON media type.</summary>
    public bool ReturnsText => !Source.ProducesJson;

    public string ReturnTask => ReturnType is null
        ? "global::System.Threading.Tasks.Task"
        : $"global::System.Threading.Tasks.Task<{ReturnType.Name}>";
}

/// <summary>A category (tag): one interface, one implementation, optionally one paging extension class.</summary>
internal sealed record ApiCategory(string Tag, string Name, IReadOnlyList<(ApiOperation Operation, string MethodName, string? PagingName)> Methods)
{
    public string Interface => $"I{Name}Api";

    public string Implementation => $"{Name}Api";

    public string PagingExtensions => $"{Name}ApiPagingExtensions";

    public string JsonBodyExtensions => $"{Name}ApiJsonBodyExtensions";
}

/// <summary>Turns spec operations into C# method shapes, categories and paging decisions.</summary>
internal static class ApiModelBuilder
{
    public static IReadOnlyList<ApiOperation> BuildOperations(SwaggerDocument document, ModelGenerator models)
    {
        var result = new List<ApiOperation>(document.Operations.Count);
        foreach (var operation in document.Operations)
        {
            var parameters = BuildParameters(operation, models.TypeMap);
            // An operation that produces no JSON (text/plain, text/calendar) returns its body as text, whatever the schema says.
            var returnType = !operation.ProducesJson ? CsType.String
                : operation.ResponseSchema is { } schema ? models.TypeMap.Map(schema, model: true) : null;
            var baseName = Naming.Pascal(operation.MethodName);
            result.Add(new ApiOperation(operation, baseName, parameters, returnType, DetectPaging(operation, parameters, models)));
        }

        return result;
    }

    public static IReadOnlyList<ApiCategory> BuildCategories(IReadOnlyList<ApiOperation> operations)
    {
        var byTag = new SortedDictionary<string, List<ApiOperation>>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            foreach (var tag in operation.Source.Tags)
            {
                if (!byTag.TryGetValue(tag, out var list))
                {
                    byTag[tag] = list = [];
                }

                list.Add(operation);
            }
        }

        var categories = new List<ApiCategory>();
        var takenNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (tag, list) in byTag)
        {
            var name = Naming.Unique(Naming.Pascal(tag), takenNames);
            // Member names are unique ignoring case (two names differing only by case are easy to confuse and unusable
            // from VB): of a case-only pair, the deprecated operation is named ...DeprecatedAsync, otherwise a number is added.
            var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var methods = new List<(ApiOperation, string, string?)>();
            foreach (var operation in list.OrderBy(o => o.Source.Deprecated).ThenBy(o => o.BaseName, StringComparer.Ordinal).ThenBy(o => o.Source.Path, StringComparer.Ordinal).ThenBy(o => o.Source.Method, StringComparer.Ordinal))
            {
                var methodName = operation.BaseName + "Async";
                if (operation.Source.Deprecated && taken.Contains(methodName) && !taken.Contains(methodName, StringComparer.Ordinal))
                {
                    methodName = operation.BaseName + "DeprecatedAsync";
                }

                methods.Add((operation, Naming.Unique(methodName, taken), null));
            }

            // Paging helpers are named after their method, "Pageable" before "Async": GetRoutingQueuesPageableAsync.
            for (var i = 0; i < methods.Count; i++)
            {
                var (operation, methodName, _) = methods[i];
                if (operation.Paging is not null)
                {
                    methods[i] = (operation, methodName, Naming.Unique(methodName[..^"Async".Length] + "PageableAsync", taken));
                }
            }

            categories.Add(new ApiCategory(tag, name, methods.OrderBy(m => m.Item2, StringComparer.Ordinal).ToList()));
        }

        return categories.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    private static List<MethodParameter> BuildParameters(SwaggerOperation operation, TypeMap types)
    {
        // Nothing is dropped silently: a parameter the generated method could not send fails the generation.
        if (operation.Parameters.FirstOrDefault(p => p.In is not ("path" or "body" or "query" or "header")) is { } unsupported)
        {
            throw new NotSupportedException(
                $"{operation.Method} {operation.Path} ({operation.OperationId}): parameter '{unsupported.Name}' is in '{unsupported.In}', which the generator does not support "
                + "(formData needs a multipart/form-data or x-www-form-urlencoded body); the generated method could not send it. "
                + "Extend ApiGenerator and GenesysCloudRequest before generating from this spec.");
        }

        // The official SDKs' order, so that code ported positionally keeps its meaning: required parameters in the
        // spec's order, then optional ones in the spec's order (a stable sort: swagger-codegen's sortParamsByRequiredFlag).
        var ordered = operation.Parameters
            .Select((p, index) => (p, index))
            .OrderBy(x => x.p.Required ? 0 : 1)
            .ThenBy(x => x.index)
            .Select(x => x.p);

        var taken = new HashSet<string>(StringComparer.Ordinal) { "cancellationToken", "apiRequest", "api", "pagingToken", "pagingCancellationToken" };
        var result = new List<MethodParameter>();
        foreach (var p in ordered)
        {
            var name = Naming.Camel(p.Name);
            var unique = Naming.Unique(Naming.Unescaped(name), taken);
            name = unique == Naming.Unescaped(name) ? name : unique;

            // Headers are strings; a query or path parameter without a usable type is sent as a string.
            var type = p.In == "header" ? CsType.String : types.Map(p.Schema, model: false, sequence: true);
            if (type == CsType.Json && p.In is "path" or "query")
            {
                type = CsType.String;
            }

            result.Add(new MethodParameter(p, name, type, p.Required, ParameterDoc(operation, p)));
        }

        return result;
    }

    private static string ParameterDoc(SwaggerOperation operation, SwaggerParameter p)
    {
        var text = string.IsNullOrWhiteSpace(p.Description)
            ? p.In == "body" ? "The request body." : $"The <c>{Naming.Xml(p.Name)}</c> {p.In} parameter."
            : Naming.Xml(p.Description);
        if (p.In == "path" && PathSegment(operation.Path, p.Name) is { } segment)
        {
            // Names the segment it fills, so that two ids passed the wrong way round are visible in the docs and at the call site's tooltip.
            text += (text.EndsWith('.') ? " " : ". ") + $"Path segment <c>{Naming.Xml(segment)}</c>.";
        }

        var values = TypeMap.EnumValues(p.Schema);
        if (values.Count > 0 && p.In != "body")
        {
            text += (text.EndsWith('.') ? " " : ". ") + "Valid values: " + string.Join(", ", values.Select(v => $"<c>{Naming.Xml(v)}</c>")) + ".";
        }

        return text;
    }

    // The placeholder with the literal segment before it: "queues/{queueId}" of /api/v2/users/{userId}/queues/{queueId}.
    internal static string? PathSegment(string path, string name)
    {
        var placeholder = "{" + name + "}";
        var position = path.IndexOf(placeholder, StringComparison.Ordinal);
        if (position < 0)
        {
            return null;
        }

        var start = path.LastIndexOf('/', Math.Max(0, position - 2));
        var previous = start < 0 ? string.Empty : path[(start + 1)..position];
        return previous.Length == 0 || previous.Contains('{', StringComparison.Ordinal) ? placeholder : previous + placeholder;
    }

    private static PagingInfo? DetectPaging(SwaggerOperation operation, List<MethodParameter> parameters, ModelGenerator models)
    {
        if (operation.ResponseSchema is not { } schema
            || TypeMap.DefinitionName(schema) is not { } definition
            || !models.Models.TryGetValue(definition, out var listing))
        {
            return null;
        }

        // The items are "entities", or else the listing's only array (analytics job results: "results", "conversations").
        static bool IsArray(ModelProperty p) => SwaggerDocument.GetString(p.Schema, "type") == "array" && p.Schema.TryGetProperty("items", out _);
        var arrays = listing.Properties.Where(IsArray).ToList();
        var entities = listing.Property("entities") is { } e && IsArray(e) ? e : arrays.Count == 1 ? arrays[0] : null;
        if (entities is null)
        {
            return null;
        }

        var items = entities.Schema.GetProperty("items");

        var listingType = models.TypeMap.Map(schema, model: true);
        var itemType = models.TypeMap.Map(items, model: true);
        string? StringProperty(string wire) =>
            listing.Property(wire) is { } p && p.Type == CsType.String ? p.Name : null;
        var nextUri = StringProperty("nextUri");

        // A few operations declare pageNumber as a string; the helper formats the number for them.
        var pageNumber = parameters.FirstOrDefault(p => p.Source.In == "query" && p.Source.Name == "pageNumber" && !p.Required && p.Type.Name is "int" or "long" or "string");
        if (pageNumber is not null)
        {
            var pageCount = listing.Property("pageCount") is { } pc && pc.Type == CsType.Long ? pc.Name : null;

            // Without pageCount or nextUri there is no reliable end: not paged.
            return pageCount is null && nextUri is null
                ? null
                : new PagingInfo("pageNumber", pageNumber, listingType, itemType, entities.Name, entities.WireName, pageCount, nextUri, null);
        }

        foreach (var cursorName in new[] { "cursor", "after", "nextPage" })
        {
            var cursor = parameters.FirstOrDefault(p => p.Source.In == "query" && p.Source.Name == cursorName && !p.Required && p.Type == CsType.String);
            if (cursor is null)
            {
                continue;
            }

            var cursorProperty = StringProperty(cursorName);
            if (cursorProperty is not null || nextUri is not null)
            {
                return new PagingInfo("cursor", cursor, listingType, itemType, entities.Name, entities.WireName, null, cursorProperty is null ? nextUri : null, cursorProperty);
            }
        }

        return null;
    }
}
