using System.Text.Json.Nodes;

namespace GenesysCloud.Extensions.Simulator.Organization;

/// <summary>
/// Builds the seeded organization. Everything (ids, names, dates, memberships) comes from one <see cref="Random"/> seeded with
/// <see cref="SimulatorOrganizationSettings.Seed"/>, never from the clock, so the same seed gives byte-identical JSON.
/// </summary>
internal static class OrganizationGenerator
{
    private static readonly DateTimeOffset Epoch = new(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly string[] FirstNames =
    [
        "Ada", "Alan", "Amara", "Ana", "Ben", "Carla", "Chen", "Dana", "Diego", "Elena", "Emeka", "Eva", "Farah", "Grace", "Hana",
        "Igor", "Ines", "Jamal", "Julia", "Kenji", "Lara", "Leo", "Maya", "Mohammed", "Nadia", "Noah", "Olga", "Omar", "Priya", "Rui",
        "Sara", "Tomas", "Uma", "Victor", "Wei", "Yara", "Zoe",
    ];

    private static readonly string[] LastNames =
    [
        "Almeida", "Brown", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Hughes", "Ivanova", "Jensen", "Kowalski", "Lopez",
        "Martin", "Nakamura", "Okafor", "Patel", "Quinn", "Rossi", "Silva", "Tanaka", "Usman", "Varga", "Weber", "Xu", "Yilmaz", "Zhang",
    ];

    private static readonly string[] QueueThemes =
    [
        "Sales", "Support", "Billing", "Technical Support", "Retention", "Collections", "VIP", "Returns", "Onboarding", "Claims",
        "Appointments", "Escalations", "Outbound", "Chat Support", "Email Support", "Partners",
    ];

    private static readonly string[] WrapupNames =
    [
        "Resolved", "Escalated", "Callback Requested", "Sale", "No Sale", "Wrong Number", "Billing Question", "Complaint",
        "Information Provided", "Transferred", "Voicemail Left", "Customer Hung Up", "Follow-up Required", "Order Placed",
        "Cancellation", "Technical Issue", "Password Reset", "Refund Issued", "Survey Declined", "Duplicate Contact",
    ];

    private static readonly string[] Departments = ["Customer Care", "Sales", "Finance", "Operations", "IT"];

    private static readonly string[] Titles = ["Agent", "Senior Agent", "Team Lead", "Supervisor", "Specialist"];

    public static OrganizationStore Generate(SimulatorOrganizationSettings options, string organizationName, TimeProvider timeProvider)
    {
        var random = new Random(options.Seed);
        var organizationId = NextGuid(random);
        var divisionId = NextGuid(random);
        var division = new JsonObject
        {
            ["id"] = divisionId,
            ["name"] = "Home",
            ["selfUri"] = $"/api/v2/authorization/divisions/{divisionId}",
        };

        var store = new OrganizationStore(organizationId, organizationName, division, timeProvider);

        var userCount = Math.Max(Math.Max(0, options.UserCount), Math.Max(0, options.MaxMembersPerQueue));
        var userIds = new List<string>(userCount);
        for (var i = 0; i < userCount; i++)
        {
            var id = NextGuid(random);
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var email = $"{first}.{last}.{i + 1}@simulated.example.com".ToLowerInvariant();
            var user = new JsonObject
            {
                ["id"] = id,
                ["name"] = $"{first} {last}",
                ["division"] = division.DeepClone(),
                ["chat"] = new JsonObject { ["jabberId"] = $"{id}@simulated.orgspan.com" },
                ["department"] = Departments[random.Next(Departments.Length)],
                ["email"] = email,
                ["primaryContactInfo"] = new JsonArray(new JsonObject { ["address"] = email, ["mediaType"] = "EMAIL", ["type"] = "PRIMARY" }),
                ["addresses"] = new JsonArray(),
                ["state"] = "active",
                ["title"] = Titles[random.Next(Titles.Length)],
                ["username"] = email,
                ["images"] = new JsonArray(),
                ["version"] = 1,
                ["acdAutoAnswer"] = false,
                ["selfUri"] = $"/api/v2/users/{id}",
            };
            store.AddUser(user);
            userIds.Add(id);
        }

        for (var i = 0; i < Math.Max(0, options.QueueCount); i++)
        {
            var id = NextGuid(random);
            var created = GenesysDates.Format(Epoch.AddMinutes(random.Next(0, 60 * 24 * 365)));
            var name = $"{QueueThemes[i % QueueThemes.Length]} {(i / QueueThemes.Length) + 1:00}";
            var queue = new JsonObject
            {
                ["id"] = id,
                ["name"] = name,
                ["division"] = division.DeepClone(),
                ["description"] = $"Seeded queue for {QueueThemes[i % QueueThemes.Length].ToLowerInvariant()} interactions.",
                ["dateCreated"] = created,
                ["dateModified"] = created,
                ["createdBy"] = userIds.Count > 0 ? userIds[random.Next(userIds.Count)] : null,
                ["modifiedBy"] = null,
                ["mediaSettings"] = new JsonObject
                {
                    ["call"] = MediaSetting(random),
                    ["callback"] = MediaSetting(random),
                    ["chat"] = MediaSetting(random),
                    ["email"] = MediaSetting(random),
                    ["message"] = MediaSetting(random),
                },
                ["routingRules"] = new JsonArray(),
                ["bullseye"] = new JsonObject { ["rings"] = new JsonArray(new JsonObject { ["expansionCriteria"] = new JsonArray() }) },
                ["scoringMethod"] = "TimestampAndPriority",
                ["lastAgentRoutingMode"] = "Disabled",
                ["acwSettings"] = new JsonObject { ["wrapupPrompt"] = "OPTIONAL", ["timeoutMs"] = 30_000 },
                ["skillEvaluationMethod"] = "BEST",
                ["autoAnswerOnly"] = false,
                ["enableTranscription"] = false,
                ["enableAudioMonitoring"] = false,
                ["enableManualAssignment"] = false,
                ["callingPartyName"] = name,
                ["suppressInQueueCallRecording"] = true,
                ["selfUri"] = $"/api/v2/routing/queues/{id}",
            };

            var memberCount = random.Next(0, Math.Max(0, options.MaxMembersPerQueue) + 1);
            var members = new List<QueueMembership>(memberCount);
            foreach (var index in Sample(random, userIds.Count, memberCount))
            {
                members.Add(new QueueMembership(userIds[index], random.NextDouble() < 0.7));
            }

            store.AddQueue(queue, members);
        }

        for (var i = 0; i < Math.Max(0, options.WrapupCodeCount); i++)
        {
            var id = NextGuid(random);
            var created = GenesysDates.Format(Epoch.AddMinutes(random.Next(0, 60 * 24 * 365)));
            var name = i < WrapupNames.Length ? WrapupNames[i] : $"{WrapupNames[i % WrapupNames.Length]} {(i / WrapupNames.Length) + 1}";
            store.AddWrapupCode(new JsonObject
            {
                ["id"] = id,
                ["name"] = name,
                ["division"] = division.DeepClone(),
                ["description"] = $"Seeded wrap-up code \"{name}\".",
                ["dateCreated"] = created,
                ["dateModified"] = created,
                ["createdBy"] = userIds.Count > 0 ? userIds[random.Next(userIds.Count)] : null,
                ["selfUri"] = $"/api/v2/routing/wrapupcodes/{id}",
            });
        }

        return store;
    }

    /// <summary>A version-4 UUID drawn from the seeded generator.</summary>
    public static string NextGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }

    private static JsonObject MediaSetting(Random random) => new()
    {
        ["alertingTimeoutSeconds"] = 8 + random.Next(0, 23),
        ["serviceLevel"] = new JsonObject { ["percentage"] = 0.8, ["durationMs"] = 20_000 },
        ["autoAnswerAlertToneSeconds"] = 0,
        ["manualAnswerAlertToneSeconds"] = 0,
    };

    /// <summary>Draws <paramref name="count"/> distinct indexes below <paramref name="population"/> (a partial Fisher-Yates shuffle).</summary>
    private static IEnumerable<int> Sample(Random random, int population, int count)
    {
        var indexes = Enumerable.Range(0, population).ToArray();
        count = Math.Min(count, population);
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, population);
            (indexes[i], indexes[j]) = (indexes[j], indexes[i]);
            yield return indexes[i];
        }
    }
}
