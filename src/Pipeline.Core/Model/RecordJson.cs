using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Running;

namespace Pipeline.Model;

/// <summary>
/// The JSON that pipeline.db's columns and the run fingerprint hold, written by code generated at build time
/// rather than by reflection: the same text as JsonSerializer's defaults, and it works in a natively compiled
/// `pipeline`, which cannot generate serializers at run time.
/// </summary>
[JsonSerializable(typeof(OverviewSnapshot))]
[JsonSerializable(typeof(ImmutableArray<string>))]
[JsonSerializable(typeof(IEnumerable<string>))]
[JsonSerializable(typeof(ImmutableDictionary<string, int>))]
[JsonSerializable(typeof(Dictionary<string, int>))]
[JsonSerializable(typeof(ImmutableDictionary<string, OutputStamp>))]
[JsonSerializable(typeof(Dictionary<string, OutputStamp>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
internal sealed partial class RecordJson : JsonSerializerContext
{
    /// <summary>An option's value in the fingerprint: the JSON of its runtime type.</summary>
    public static string OptionValue(object? value) =>
        value is null ? "null" : JsonSerializer.Serialize(value, value.GetType(), Default);
}
