namespace GenesysCloud.Extensions.Generator;

/// <summary>
/// Writes <c>{Category}ApiJsonBodyExtensions</c>: for each method whose required body is free-form JSON
/// (<see cref="System.Text.Json.JsonElement"/>), a generic overload that takes a typed body and its
/// <c>JsonTypeInfo&lt;TBody&gt;</c> (from the caller's <c>JsonSerializerContext</c>), so no reflection is needed (AOT- and
/// trim-safe) and nobody has to build a <c>JsonElement</c> by hand.
/// </summary>
internal static class JsonBodyOverloadGenerator
{
    private const string ApiNamespace = ApiGenerator.ApiNamespace;

    public static string Write(ApiCategory category)
    {
        var w = CodeWriter.File(ApiNamespace);
        w.Doc("summary", $"Typed-body overloads of the methods of <see cref=\"{category.Interface}\"/> whose required body is free-form JSON: the body is serialized with the caller's <c>JsonTypeInfo&lt;TBody&gt;</c>, without reflection.");
        w.Open($"public static class {category.JsonBodyExtensions}");
        var first = true;
        foreach (var (operation, methodName, _) in category.Methods)
        {
            if (operation.Parameters.FirstOrDefault(p => p.IsRequiredJsonBody) is not { } body)
            {
                continue;
            }

            if (!first)
            {
                w.Line();
            }

            first = false;
            var source = operation.Source;
            var bodyName = Naming.Unescaped(body.Name);
            var typeInfoName = bodyName + "TypeInfo";
            w.Doc("summary", Naming.Xml(string.IsNullOrWhiteSpace(source.Summary) ? source.OperationId : source.Summary));
            w.Doc("remarks", $"<para><c>{source.Method} {Naming.Xml(source.Path)}</c> (<c>{Naming.Xml(source.OperationId)}</c>): calls <c>{category.Interface}.{methodName}</c> with <paramref name=\"{bodyName}\"/> serialized by <paramref name=\"{typeInfoName}\"/>.</para>");
            w.Doc("typeparam", "The body's type.", "name=\"TBody\"");
            w.Doc("param", "The category API.", "name=\"api\"");
            var declarations = new List<string> { $"this global::{ApiNamespace}.{category.Interface} api" };
            foreach (var p in operation.Parameters)
            {
                if (p == body)
                {
                    w.Doc("param", p.Doc + " Serialized as JSON with the type info that follows; it must not be <see langword=\"null\"/>.", $"name=\"{bodyName}\"");
                    w.Doc("param", "The body type's serialization metadata, for example <c>MyJsonContext.Default.MyBody</c> (source-generated: AOT- and trim-safe).", $"name=\"{typeInfoName}\"");
                    declarations.Add($"TBody {body.Name}");
                    declarations.Add($"global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<TBody> {typeInfoName}");
                }
                else
                {
                    w.Doc("param", p.Doc, $"name=\"{Naming.Unescaped(p.Name)}\"");
                    declarations.Add(p.Declaration);
                }
            }

            declarations.Add("global::System.Threading.CancellationToken cancellationToken = default");
            w.Doc("param", "Cancels the call; a call still waiting in the backlog is removed without using rate budget.", "name=\"cancellationToken\"");
            w.Doc("returns", operation.ReturnType is null
                ? "A task that completes when the call succeeds."
                : $"The response body (<c>{Naming.Xml(operation.ReturnType.Display)}</c>).");
            if (source.Deprecated)
            {
                w.Line($"[global::System.Obsolete({Naming.Literal(ApiGenerator.ObsoleteMessage)})]");
            }

            w.Open($"public static {operation.ReturnTask} {methodName}<TBody>({string.Join(", ", declarations)})");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(api);");
            w.Line($"global::System.ArgumentNullException.ThrowIfNull({body.Name});");
            w.Line($"global::System.ArgumentNullException.ThrowIfNull({typeInfoName});");
            var arguments = operation.Parameters
                .Select(p => p == body
                    ? $"{p.Name}: global::System.Text.Json.JsonSerializer.SerializeToElement({p.Name}, {typeInfoName})"
                    : $"{p.Name}: {p.Name}")
                .Append("cancellationToken: cancellationToken");
            w.Line($"return api.{methodName}({string.Join(", ", arguments)});");
            w.Close();
        }

        w.Close();
        return w.ToString();
    }
}
