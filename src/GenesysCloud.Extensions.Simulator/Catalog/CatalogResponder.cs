using System.Text.Json.Nodes;
using GenesysCloud.Extensions.Simulator.Http;

namespace GenesysCloud.Extensions.Simulator.Catalog;

/// <summary>Answers a request from the catalog: validation, then the success status with an example of the response schema.</summary>
internal sealed class CatalogResponder(SimulatorCatalog catalog)
{
    private readonly SchemaExampleGenerator _examples = new(catalog.Definitions);

    /// <summary>Answers the request, or returns <see langword="null"/> when no operation matches.</summary>
    public SimulatorResult? TryAnswer(SimulatorRequest request)
    {
        if (catalog.Find(request.Method, request.Path) is not var (operation, values))
        {
            return null;
        }

        request.Operation = operation.OperationId;
        request.Route = operation.Template.Template;
        request.RouteValues = values;
        if (CatalogRequestValidator.Validate(operation, request) is { } error)
        {
            return error;
        }

        if (operation.ResponseSchema is null || _examples.Generate(operation.ResponseSchema) is not { } example)
        {
            return SimulatorResult.Empty(operation.SuccessStatus);
        }

        // The entity asked for by id answers with that id, so a client reading back what it addressed sees it.
        if (example is JsonObject entity && entity.ContainsKey("id") && values.Count > 0)
        {
            entity["id"] = values.Values.Last();
        }

        return SimulatorResult.Json(operation.SuccessStatus, example);
    }
}
