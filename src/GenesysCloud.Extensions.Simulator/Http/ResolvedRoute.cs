using GenesysCloud.Extensions.Simulator.Catalog;

namespace GenesysCloud.Extensions.Simulator.Http;

/// <summary>What a request addresses: a seeded route, a catalog operation, or neither (the token endpoint or an unknown path).</summary>
internal readonly record struct ResolvedRoute(SeededRoute? Seeded, CatalogOperation? Cataloged);
