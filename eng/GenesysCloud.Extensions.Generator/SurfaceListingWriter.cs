using System.Text;

namespace GenesysCloud.Extensions.Generator;

/// <summary>
/// Writes the generated public surface as sorted text, one line per public member (interface methods, paging helpers,
/// typed-body overloads, models and their properties, enum-like structs with their wire values), so that the API change
/// of every regeneration shows in the git diff of <c>docs/api/generated-surface.txt</c>.
/// </summary>
internal static class SurfaceListingWriter
{
    public static string Write(IReadOnlyList<ApiCategory> categories, ModelGenerator models)
    {
        var lines = new List<string>();
        foreach (var category in categories)
        {
            lines.Add($"interface Api.{category.Interface}");
            foreach (var (operation, methodName, pagingName) in category.Methods)
            {
                var parameters = operation.Parameters.Select(Display).Append("CancellationToken cancellationToken = default");
                lines.Add($"Api.{category.Interface}.{methodName}({string.Join(", ", parameters)}) -> {ReturnDisplay(operation)}{Obsolete(operation)}");
                if (pagingName is not null && operation.Paging is { } paging)
                {
                    var pagingParameters = operation.Parameters.Where(p => p != paging.Parameter).Select(Display).Prepend($"this {category.Interface} api");
                    lines.Add($"Api.{category.PagingExtensions}.{pagingName}({string.Join(", ", pagingParameters)}) -> GenesysCloudAsyncPageable<{paging.Item.Display}>{Obsolete(operation)}");
                }

                if (operation.Parameters.FirstOrDefault(p => p.IsRequiredJsonBody) is { } body)
                {
                    var typed = operation.Parameters
                        .SelectMany(p => p == body ? new[] { $"TBody {p.Name}", $"JsonTypeInfo<TBody> {Naming.Unescaped(p.Name)}TypeInfo" } : [Display(p)])
                        .Prepend($"this {category.Interface} api")
                        .Append("CancellationToken cancellationToken = default");
                    lines.Add($"Api.{category.JsonBodyExtensions}.{methodName}<TBody>({string.Join(", ", typed)}) -> {ReturnDisplay(operation)}{Obsolete(operation)}");
                }
            }
        }

        foreach (var model in models.Models.Values)
        {
            lines.Add($"class Models.{model.Name}");
            foreach (var property in model.Properties)
            {
                lines.Add($"Models.{model.Name}.{property.Name}: {property.Type.Display}? [\"{property.WireName}\"]");
                if (property.EnumTypeName is not null)
                {
                    lines.Add($"Models.{model.Name}.{property.EnumTypeName}: {string.Join(" | ", TypeMap.EnumValues(property.Schema))}");
                }
            }
        }

        lines.Sort(StringComparer.Ordinal);
        var text = new StringBuilder();
        text.Append("# The public surface generated from the spec (eng/GenesysCloud.Extensions.Generator). Do not edit: regenerate.\n");
        foreach (var line in lines.Distinct(StringComparer.Ordinal))
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    // At the end of the line, so that a deprecated member sorts beside the others of its type.
    private static string Obsolete(ApiOperation operation) => operation.Source.Deprecated ? " [Obsolete]" : string.Empty;

    private static string ReturnDisplay(ApiOperation operation) => operation.ReturnType is null ? "Task" : $"Task<{operation.ReturnType.Display}>";

    private static string Display(MethodParameter p) => p.Required ? $"{p.Type.Display} {p.Name}" : $"{p.Type.Display}? {p.Name} = null";
}
