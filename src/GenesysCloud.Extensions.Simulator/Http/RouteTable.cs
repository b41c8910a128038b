namespace GenesysCloud.Extensions.Simulator.Http;

/// <summary>The seeded routes, most specific first.</summary>
internal sealed class RouteTable
{
    private readonly List<SeededRoute> _routes = [];

    public void Add(string method, string template, string operationId, Func<SimulatorRequest, SimulatorResult> handler)
    {
        _routes.Add(new SeededRoute(method, RouteTemplate.Parse(template), operationId, handler));
        _routes.Sort(static (x, y) => RouteTemplate.CompareSpecificity(x.Template, y.Template));
    }

    public (SeededRoute Route, Dictionary<string, string> Values)? Find(string method, string path)
    {
        foreach (var route in _routes)
        {
            if (string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase) && route.Template.Match(path) is { } values)
            {
                return (route, values);
            }
        }

        return null;
    }
}
