using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Models;
using GenesysCloud.Extensions.Serialization;

namespace GenesysCloud.Extensions.Generator.Tests;

/// <summary>The generated readers and writers on the inputs reflection-based System.Text.Json handled before.</summary>
public sealed class ModelJsonTests
{
    private static readonly JsonSerializerOptions Options = GenesysCloudJson.Options;

    [Fact]
    public void Models_carry_the_model_converter_so_any_options_use_the_generated_code()
    {
        Assert.IsType<GenesysCloudModelConverter<Queue>>(Options.GetTypeInfo(typeof(Queue)).Converter);
        Assert.IsType<GenesysCloudModelConverter<Queue>>(JsonSerializerOptions.Default.GetTypeInfo(typeof(Queue)).Converter);
        Assert.Equal("q1", JsonSerializer.Deserialize<Queue>("""{"id":"q1"}""")!.Id);
    }

    [Fact]
    public void Escaped_property_names_match()
    {
        var queue = JsonSerializer.Deserialize<Queue>("""{"\u0069d":"q1","member\u0043ount":3,"\u0064ivision":{"na\u006de":"Home"}}""", Options)!;

        Assert.Equal("q1", queue.Id);
        Assert.Equal(3, queue.MemberCount);
        Assert.Equal("Home", queue.Division!.Name);
        Assert.Null(queue.ExtensionData);
    }

    [Fact]
    public void Names_match_ignoring_case_with_web_options_and_exactly_otherwise()
    {
        const string Json = """{"ID":"q1","MemberCount":3,"DIVISION":{"Name":"Home"}}""";

        var insensitive = JsonSerializer.Deserialize<Queue>(Json, Options)!;
        var sensitive = JsonSerializer.Deserialize<Queue>(Json, new JsonSerializerOptions())!;

        Assert.Equal("q1", insensitive.Id);
        Assert.Equal(3, insensitive.MemberCount);
        Assert.Equal("Home", insensitive.Division!.Name);
        Assert.Null(insensitive.ExtensionData);

        // Case-sensitive options: the names are unknown, kept as extension data (what reflection did).
        Assert.Null(sensitive.Id);
        Assert.Equal(["DIVISION", "ID", "MemberCount"], sensitive.ExtensionData!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_exact_match_wins_over_a_case_insensitive_one_and_non_ascii_names_fold_like_ordinal_ignore_case()
    {
        // U+017F (long s) upper-cases to 'S', as StringComparer.OrdinalIgnoreCase sees it.
        var queue = JsonSerializer.Deserialize<Queue>("{\"\u017Fcoringmethod\":\"best\",\"NAME\":\"upper\",\"name\":\"exact\"}", Options)!;

        Assert.Equal("best", queue.ScoringMethod!.Value.Value);
        Assert.Equal("exact", queue.Name);
    }

    [Fact]
    public void Numbers_are_read_from_strings_when_the_options_allow_it()
    {
        var settings = JsonSerializer.Deserialize<MediaSettings>(
            """{"alertingTimeoutSeconds":"8","autoAnswerAlertToneSeconds":"1.5","manualAnswerAlertToneSeconds":"NaN","serviceLevel":{"percentage":"0.8","durationMs":"20000"}}""",
            Options)!;

        Assert.Equal(8, settings.AlertingTimeoutSeconds);
        Assert.Equal(1.5, settings.AutoAnswerAlertToneSeconds);
        Assert.True(double.IsNaN(settings.ManualAnswerAlertToneSeconds!.Value));
        Assert.Equal(0.8, settings.ServiceLevel!.Percentage);
        Assert.Equal(20000, settings.ServiceLevel.DurationMs);

        var strict = new JsonSerializerOptions(Options) { NumberHandling = JsonNumberHandling.Strict };
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<MediaSettings>("""{"alertingTimeoutSeconds":"8"}""", strict));
        Assert.Contains("'alertingTimeoutSeconds'", ex.Message, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<MediaSettings>("""{"alertingTimeoutSeconds":"8x"}""", Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<MediaSettings>("""{"autoAnswerAlertToneSeconds":"Infinityx"}""", Options));
    }

    [Fact]
    public void Unknown_properties_round_trip_after_the_known_ones()
    {
        const string Json = """{"future":{"a":[1,{"b":null}]},"id":"q1","sp\u00e9cial":"x","alsoFuture":7}""";

        var queue = JsonSerializer.Deserialize<Queue>(Json, Options)!;

        Assert.Equal(["alsoFuture", "future", "spécial"], queue.ExtensionData!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("""{"id":"q1","future":{"a":[1,{"b":null}]},"spécial":"x","alsoFuture":7}""", JsonSerializer.Serialize(queue, new JsonSerializerOptions(Options) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void Unknown_enum_values_round_trip_and_numbers_keep_their_text()
    {
        var queue = JsonSerializer.Deserialize<Queue>("""{"scoringMethod":"quantum","routingRules":[{"operator":7}]}""", Options)!;

        Assert.Equal("quantum", queue.ScoringMethod!.Value.Value);
        Assert.NotEqual(Queue.ScoringMethodEnum.TimestampAndPriority, queue.ScoringMethod);
        Assert.Equal("7", queue.RoutingRules![0].Operator!.Value.Value);
        Assert.Equal("""{"routingRules":[{"operator":"7"}],"scoringMethod":"quantum"}""", JsonSerializer.Serialize(queue, Options));
    }

    [Fact]
    public void Nulls_read_as_null_and_are_omitted_or_written_as_the_options_say()
    {
        const string Json = """{"id":null,"division":null,"routingRules":null,"scoringMethod":null,"memberCount":null,"dateCreated":null,"defaultScripts":null}""";

        var queue = JsonSerializer.Deserialize<Queue>(Json, Options)!;

        Assert.Null(queue.Id);
        Assert.Null(queue.Division);
        Assert.Null(queue.RoutingRules);
        Assert.Null(queue.ScoringMethod);
        Assert.Null(queue.MemberCount);
        Assert.Null(queue.ExtensionData);
        Assert.Equal("{}", JsonSerializer.Serialize(queue, Options));
        var withNulls = JsonSerializer.Serialize(queue, new JsonSerializerOptions(Options) { DefaultIgnoreCondition = JsonIgnoreCondition.Never });
        Assert.StartsWith("""{"id":null,"name":null,"division":null,""", withNulls, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_and_dictionaries_read_items_and_nulls_like_reflection()
    {
        var queue = JsonSerializer.Deserialize<Queue>(
            """{"routingRules":[{"operator":"MEETS_THRESHOLD","threshold":9},null],"defaultScripts":{"CALL":{"id":"s1"},"EMAIL":null}}""",
            Options)!;

        Assert.Equal(2, queue.RoutingRules!.Count);
        Assert.Equal(9, queue.RoutingRules[0].Threshold);
        Assert.Null(queue.RoutingRules[1]);
        Assert.IsType<List<RoutingRule>>(queue.RoutingRules);
        Assert.Equal("s1", queue.DefaultScripts!["CALL"].Id);
        Assert.Null(queue.DefaultScripts["EMAIL"]);
        Assert.Equal(
            """{"routingRules":[{"operator":"MEETS_THRESHOLD","threshold":9},null],"defaultScripts":{"CALL":{"id":"s1"},"EMAIL":null}}""",
            JsonSerializer.Serialize(queue, Options));
    }

    [Theory]
    [InlineData("""{"memberCount":true}""", "'memberCount'")]
    [InlineData("""{"memberCount":1.5}""", "'memberCount'")]
    [InlineData("""{"id":5}""", "'id'")]
    [InlineData("""{"enableTranscription":"yes"}""", "'enableTranscription'")]
    [InlineData("""{"dateCreated":"yesterday"}""", "'dateCreated'")]
    [InlineData("""{"dateCreated":12}""", "'dateCreated'")]
    [InlineData("""{"routingRules":{}}""", "'routingRules'")]
    [InlineData("""{"routingRules":[5]}""", "RoutingRule")]
    [InlineData("""{"defaultScripts":[]}""", "'defaultScripts'")]
    [InlineData("""{"division":"d1"}""", "Division")]
    [InlineData("""{"scoringMethod":{}}""", "'scoringMethod'")]
    [InlineData("""[{"id":"q1"}]""", "Queue")]
    [InlineData("\"q1\"", "Queue")]
    public void Wrong_token_types_raise_a_json_exception_naming_the_property(string json, string named)
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Queue>(json, Options));

        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_are_never_copied_into_error_messages()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Queue>("""{"memberCount":"secret-token-value"}""", Options));

        Assert.DoesNotContain("secret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_json_raises_a_json_exception()
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Queue>("""{"id":"q1","division":{"name":""", Options));
    }

    [Fact]
    public void Names_and_values_split_across_buffer_segments_are_read()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"id":"q1","member\u0043ount":12,"division":{"name":"Home"},"future":true}""");
        var sequence = Segments(bytes, 3);
        var reader = new Utf8JsonReader(sequence);

        var queue = JsonSerializer.Deserialize(ref reader, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<Queue>)Options.GetTypeInfo(typeof(Queue)))!;

        Assert.Equal("q1", queue.Id);
        Assert.Equal(12, queue.MemberCount);
        Assert.Equal("Home", queue.Division!.Name);
        Assert.True(queue.ExtensionData!["future"].GetBoolean());
    }

    [Fact]
    public async Task Stream_reads_use_the_generated_reader()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("""{"entities":[{"id":"q1"},{"id":"q2"}],"pageCount":1}"""));

        var listing = await JsonSerializer.DeserializeAsync<QueueEntityListing>(stream, Options);

        Assert.Equal(["q1", "q2"], listing!.Entities!.Select(q => q.Id));
    }

    [Fact]
    public async Task A_wrong_token_type_in_a_response_is_a_response_format_exception()
    {
        var fake = new FakeClient().Respond("""{"id":"q1","memberCount":{"n":1}}""");

        var ex = await Assert.ThrowsAsync<GenesysCloudResponseFormatException>(() => fake.Api<IRoutingApi>().GetRoutingQueueAsync("q1"));

        Assert.IsType<JsonException>(ex.InnerException);
        Assert.Contains("memberCount", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_or_null_body_for_a_typed_result_is_a_response_format_exception()
    {
        var fake = new FakeClient().Respond(string.Empty, "null", string.Empty);
        var routing = fake.Api<IRoutingApi>();

        var empty = await Assert.ThrowsAsync<GenesysCloudResponseFormatException>(() => routing.GetRoutingQueueAsync("q1"));
        var @null = await Assert.ThrowsAsync<GenesysCloudResponseFormatException>(() => routing.GetRoutingQueueAsync("q1"));
        var number = await Assert.ThrowsAsync<GenesysCloudResponseFormatException>(() => fake.Api<IAuthorizationApi>().GetAuthorizationDivisionsLimitAsync());

        Assert.Contains("an empty body; a Queue was expected", empty.Message, StringComparison.Ordinal);
        Assert.Contains("null; a Queue was expected", @null.Message, StringComparison.Ordinal);
        Assert.Contains("an empty body; a Int64 was expected", number.Message, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, empty.StatusCode);
    }

    [Fact]
    public async Task An_empty_body_for_a_free_form_result_is_an_undefined_element()
    {
        var fake = new FakeClient().Respond(string.Empty);

        var result = await fake.Api<IAlertingApi>().DeleteAlertingAlertsAllAsync();

        Assert.Equal(JsonValueKind.Undefined, result.ValueKind);
    }

    [Fact]
    public void Response_metadata_can_be_used_directly()
    {
        var response = new Requests.GenesysCloudResponse(
            System.Net.HttpStatusCode.OK,
            new Dictionary<string, IReadOnlyList<string>>(),
            Encoding.UTF8.GetBytes("""{"id":"q1"}"""),
            "application/json");

        var queue = response.ReadAs((System.Text.Json.Serialization.Metadata.JsonTypeInfo<Queue>)Options.GetTypeInfo(typeof(Queue)));

        Assert.Equal("q1", queue!.Id);
        Assert.Throws<GenesysCloudResponseFormatException>(() => response.ReadAs((System.Text.Json.Serialization.Metadata.JsonTypeInfo<long>)Options.GetTypeInfo(typeof(long))));
    }

    private static ReadOnlySequence<byte> Segments(byte[] bytes, int size)
    {
        Segment? first = null;
        Segment? last = null;
        for (var i = 0; i < bytes.Length; i += size)
        {
            var segment = new Segment(bytes.AsMemory(i, Math.Min(size, bytes.Length - i)), i);
            first ??= segment;
            last?.Append(segment);
            last = segment;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public void Append(Segment next) => Next = next;
    }
}
