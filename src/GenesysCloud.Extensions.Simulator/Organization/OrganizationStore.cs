using System.Text.Json.Nodes;

namespace GenesysCloud.Extensions.Simulator.Organization;

/// <summary>
/// The organization's mutable state: users, queues with their members, wrap-up codes. Entities are kept as Genesys-shaped
/// JSON objects; every read returns a copy. One lock guards everything (the simulator is not a database).
/// </summary>
internal sealed class OrganizationStore(string organizationId, string organizationName, JsonObject division, TimeProvider timeProvider)
{
    private readonly object _gate = new();
    private readonly List<JsonObject> _users = [];
    private readonly Dictionary<string, JsonObject> _usersById = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, JsonObject> _queues = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<QueueMembership>> _members = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, JsonObject> _wrapupCodes = new(StringComparer.OrdinalIgnoreCase);
    private int _created;

    public string OrganizationId { get; } = organizationId;

    public string OrganizationName { get; } = organizationName;

    /// <summary>Gets the id of the organization's home division.</summary>
    public string DivisionId => (string)division["id"]!;

    public void AddUser(JsonObject user)
    {
        _users.Add(user);
        _usersById[(string)user["id"]!] = user;
    }

    public void AddQueue(JsonObject queue, List<QueueMembership> members)
    {
        var id = (string)queue["id"]!;
        _queues[id] = queue;
        _members[id] = members;
    }

    public void AddWrapupCode(JsonObject code) => _wrapupCodes[(string)code["id"]!] = code;

    // Users

    public List<JsonObject> ListUsers()
    {
        lock (_gate)
        {
            return _users.Select(static u => (JsonObject)u.DeepClone()).ToList();
        }
    }

    public JsonObject? GetUser(string id)
    {
        lock (_gate)
        {
            return _usersById.TryGetValue(id, out var user) ? (JsonObject)user.DeepClone() : null;
        }
    }

    /// <summary>Finds a user by id, or by email or username (case-insensitive).</summary>
    public JsonObject? FindUser(string idOrEmail)
    {
        lock (_gate)
        {
            var user = _usersById.GetValueOrDefault(idOrEmail)
                ?? _users.Find(u => string.Equals((string?)u["email"], idOrEmail, StringComparison.OrdinalIgnoreCase) || string.Equals((string?)u["username"], idOrEmail, StringComparison.OrdinalIgnoreCase));
            return (JsonObject?)user?.DeepClone();
        }
    }

    /// <summary>Applies a PATCH to a user; Genesys requires the current <c>version</c> and bumps it.</summary>
    public EntityUpdate PatchUser(string id, JsonObject patch)
    {
        lock (_gate)
        {
            if (!_usersById.TryGetValue(id, out var user))
            {
                return EntityUpdate.NotFound;
            }

            if (patch["version"] is not JsonValue versionValue || !versionValue.TryGetValue<int>(out var version))
            {
                return EntityUpdate.Invalid("The version field is required.");
            }

            if (version != (int)user["version"]!)
            {
                return EntityUpdate.Conflict($"The version supplied [{version}] does not match the current version of the user [{(int)user["version"]!}].");
            }

            foreach (var name in (string[])["name", "department", "email", "title", "state", "username", "preferredName", "acdAutoAnswer", "addresses", "primaryContactInfo"])
            {
                if (patch[name] is { } value)
                {
                    user[name] = value.DeepClone();
                }
            }

            user["version"] = version + 1;
            return EntityUpdate.Updated((JsonObject)user.DeepClone());
        }
    }

    // Queues

    public List<JsonObject> ListQueues()
    {
        lock (_gate)
        {
            return _queues.Values
                .OrderBy(static q => (string?)q["name"], StringComparer.OrdinalIgnoreCase)
                .Select(RenderQueue)
                .ToList();
        }
    }

    public JsonObject? GetQueue(string id)
    {
        lock (_gate)
        {
            return _queues.TryGetValue(id, out var queue) ? RenderQueue(queue) : null;
        }
    }

    public EntityUpdate CreateQueue(JsonObject request, string? createdBy)
    {
        lock (_gate)
        {
            var name = (string?)request["name"];
            if (_queues.Values.Any(q => string.Equals((string?)q["name"], name, StringComparison.OrdinalIgnoreCase)))
            {
                return EntityUpdate.Invalid($"A queue named [{name}] already exists.");
            }

            var id = NewId();
            var now = GenesysDates.Format(timeProvider.GetUtcNow());
            var queue = new JsonObject();
            Merge(queue, request, QueueReadOnlyProperties);
            queue["id"] = id;
            queue["division"] = division.DeepClone();
            queue["dateCreated"] = now;
            queue["dateModified"] = now;
            queue["createdBy"] = createdBy;
            queue["selfUri"] = $"/api/v2/routing/queues/{id}";
            AddQueue(queue, []);
            return EntityUpdate.Updated(RenderQueue(queue));
        }
    }

    public EntityUpdate ReplaceQueue(string id, JsonObject request, string? modifiedBy)
    {
        lock (_gate)
        {
            if (!_queues.TryGetValue(id, out var queue))
            {
                return EntityUpdate.NotFound;
            }

            // PUT replaces the writable fields; identity, audit dates and member counts stay the simulator's.
            foreach (var name in queue.Select(static p => p.Key).Where(static k => !QueueReadOnlyProperties.Contains(k) && k != "division").ToList())
            {
                queue.Remove(name);
            }

            Merge(queue, request, QueueReadOnlyProperties);
            queue["division"] ??= division.DeepClone();
            queue["dateModified"] = GenesysDates.Format(timeProvider.GetUtcNow());
            queue["modifiedBy"] = modifiedBy;
            return EntityUpdate.Updated(RenderQueue(queue));
        }
    }

    public bool DeleteQueue(string id)
    {
        lock (_gate)
        {
            _members.Remove(id);
            return _queues.Remove(id);
        }
    }

    /// <summary>The queue's members as Genesys <c>QueueMember</c> objects, ordered by name; <see langword="null"/> for an unknown queue.</summary>
    public List<JsonObject>? ListQueueMembers(string queueId)
    {
        lock (_gate)
        {
            if (!_members.TryGetValue(queueId, out var members))
            {
                return null;
            }

            return members
                .Select(m => RenderMember(m))
                .OrderBy(static m => (string?)m["name"], StringComparer.OrdinalIgnoreCase)
                .ThenBy(static m => (string?)m["id"], StringComparer.Ordinal)
                .ToList();
        }
    }

    public EntityUpdate PatchQueueMember(string queueId, string memberId, JsonObject patch)
    {
        lock (_gate)
        {
            var member = _members.TryGetValue(queueId, out var members) ? members.Find(m => string.Equals(m.UserId, memberId, StringComparison.OrdinalIgnoreCase)) : null;
            if (member is null)
            {
                return EntityUpdate.NotFound;
            }

            if (patch["joined"] is JsonValue joined && joined.TryGetValue<bool>(out var value))
            {
                member.Joined = value;
            }

            if (patch["ringNumber"] is JsonValue ring && ring.TryGetValue<int>(out var ringNumber))
            {
                member.RingNumber = ringNumber;
            }

            return EntityUpdate.Updated(RenderMember(member));
        }
    }

    public bool RemoveQueueMember(string queueId, string memberId)
    {
        lock (_gate)
        {
            return _members.TryGetValue(queueId, out var members) && members.RemoveAll(m => string.Equals(m.UserId, memberId, StringComparison.OrdinalIgnoreCase)) > 0;
        }
    }

    // Wrap-up codes

    public List<JsonObject> ListWrapupCodes()
    {
        lock (_gate)
        {
            return _wrapupCodes.Values
                .OrderBy(static c => (string?)c["name"], StringComparer.OrdinalIgnoreCase)
                .Select(static c => (JsonObject)c.DeepClone())
                .ToList();
        }
    }

    public JsonObject? GetWrapupCode(string id)
    {
        lock (_gate)
        {
            return _wrapupCodes.TryGetValue(id, out var code) ? (JsonObject)code.DeepClone() : null;
        }
    }

    public EntityUpdate CreateWrapupCode(JsonObject request, string? createdBy)
    {
        lock (_gate)
        {
            var name = (string?)request["name"];
            if (_wrapupCodes.Values.Any(c => string.Equals((string?)c["name"], name, StringComparison.OrdinalIgnoreCase)))
            {
                return EntityUpdate.Invalid($"A wrap-up code named [{name}] already exists.");
            }

            var id = NewId();
            var now = GenesysDates.Format(timeProvider.GetUtcNow());
            var code = new JsonObject
            {
                ["id"] = id,
                ["name"] = name,
                ["division"] = division.DeepClone(),
                ["description"] = request["description"]?.DeepClone(),
                ["dateCreated"] = now,
                ["dateModified"] = now,
                ["createdBy"] = createdBy,
                ["selfUri"] = $"/api/v2/routing/wrapupcodes/{id}",
            };
            AddWrapupCode(code);
            return EntityUpdate.Updated((JsonObject)code.DeepClone());
        }
    }

    public EntityUpdate ReplaceWrapupCode(string id, JsonObject request, string? modifiedBy)
    {
        lock (_gate)
        {
            if (!_wrapupCodes.TryGetValue(id, out var code))
            {
                return EntityUpdate.NotFound;
            }

            code["name"] = (string?)request["name"];
            code["description"] = request["description"]?.DeepClone();
            code["dateModified"] = GenesysDates.Format(timeProvider.GetUtcNow());
            code["modifiedBy"] = modifiedBy;
            return EntityUpdate.Updated((JsonObject)code.DeepClone());
        }
    }

    public bool DeleteWrapupCode(string id)
    {
        lock (_gate)
        {
            return _wrapupCodes.Remove(id);
        }
    }

    private static readonly HashSet<string> QueueReadOnlyProperties = new(StringComparer.Ordinal)
    {
        "id", "selfUri", "dateCreated", "dateModified", "createdBy", "modifiedBy", "memberCount", "userMemberCount", "joinedMemberCount", "division",
    };

    private static void Merge(JsonObject target, JsonObject source, HashSet<string> skip)
    {
        foreach (var (name, value) in source)
        {
            if (!skip.Contains(name))
            {
                target[name] = value?.DeepClone();
            }
        }
    }

    /// <summary>Ids of created entities come from a counter, not the clock or a random source, so runs stay reproducible.</summary>
    private string NewId() => $"00000000-0000-4000-8000-{++_created:x12}";

    private JsonObject RenderQueue(JsonObject queue)
    {
        var copy = (JsonObject)queue.DeepClone();
        var members = _members.TryGetValue((string)queue["id"]!, out var list) ? list : [];
        copy["memberCount"] = members.Count;
        copy["userMemberCount"] = members.Count;
        copy["joinedMemberCount"] = members.Count(static m => m.Joined);

        // Keep selfUri last, as Genesys does.
        var selfUri = copy["selfUri"];
        copy.Remove("selfUri");
        copy["selfUri"] = selfUri;
        return copy;
    }

    private JsonObject RenderMember(QueueMembership member)
    {
        var user = _usersById.TryGetValue(member.UserId, out var found) ? found : null;
        var name = (string?)user?["name"];
        return new JsonObject
        {
            ["id"] = member.UserId,
            ["name"] = name,
            ["user"] = new JsonObject
            {
                ["id"] = member.UserId,
                ["name"] = name,
                ["division"] = user?["division"]?.DeepClone(),
                ["email"] = (string?)user?["email"],
                ["state"] = (string?)user?["state"],
                ["version"] = user?["version"]?.DeepClone(),
                ["selfUri"] = $"/api/v2/users/{member.UserId}",
            },
            ["ringNumber"] = member.RingNumber,
            ["joined"] = member.Joined,
            ["memberBy"] = "user",
            ["selfUri"] = $"/api/v2/users/{member.UserId}",
        };
    }
}
