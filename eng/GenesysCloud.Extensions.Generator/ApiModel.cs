using System.Text.Json;

namespace GenesysCloud.Extensions.Generator;

/// <summary>An argument of a generated method.</summary>
internal sealed record MethodParameter(SwaggerParameter Source, string Name, CsType Type, bool Required, string Doc)
{
    /// <summary>Gets the declared type: nullable when optional.</summary>
    public string Declared => Required ? Type.Name : Type.Nullable;

    public string Declaration => Required ? $"{Type.Name} {Name}" : $"{Type.Nullable} {Name} = null";
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
            var returnType = operation.ResponseSchema is { } schema ? models.TypeMap.Map(schema, model: true) : null;
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
            var taken = new HashSet<string>(StringComparer.Ordinal);
            var methods = new List<(ApiOperation, string, string?)>();
            foreach (var operation in list.OrderBy(o => o.BaseName, StringComparer.Ordinal).ThenBy(o => o.Source.Path, StringComparer.Ordinal).ThenBy(o => o.Source.Method, StringComparer.Ordinal))
            {
                methods.Add((operation, Naming.Unique(operation.BaseName + "Async", taken), null));
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
        static int Rank(SwaggerParameter p) => p.In switch
        {
            "path" => 0,
            "body" => p.Required ? 1 : 3,
            _ => p.Required ? 2 : 4,
        };

        var ordered = operation.Parameters
            .Where(p => p.In is "path" or "body" or "query" or "header")
            .Select((p, index) => (p, index))
            .OrderBy(x => Rank(x.p))
            .ThenBy(x => x.p.In == "path" ? PathPosition(operation.Path, x.p.Name) : x.index)
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

            result.Add(new MethodParameter(p, name, type, p.Required, ParameterDoc(p)));
        }

        return result;
    }

    // Path parameters follow the template's order (the spec's order may differ, e.g. path-level parameters last).
    private static int PathPosition(string path, string name)
    {
        var position = path.IndexOf("{" + name + "}", StringComparison.Ordinal);
        return position < 0 ? int.MaxValue : position;
    }

    private static string ParameterDoc(SwaggerParameter p)
    {
        var text = string.IsNullOrWhiteSpace(p.Description)
            ? p.In == "body" ? "The request body." : $"The <c>{Naming.Xml(p.Name)}</c> {p.In} parameter."
            : Naming.Xml(p.Description);
        var values = TypeMap.EnumValues(p.Schema);
        if (values.Count > 0 && p.In != "body")
        {
            text += (text.EndsWith('.') ? " " : ". ") + "Valid values: " + string.Join(", ", values.Select(v => $"<c>{Naming.Xml(v)}</c>")) + ".";
        }

        return text;
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
