using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Configuration;

/// <summary>
/// The JSON Schema of pipeline.json, made from the same declarations the loader validates against (the
/// stage catalog and each stage's options record), so editors complete exactly what the loader accepts.
/// The repository keeps it as schemas/pipeline.schema.json; a test checks that the file is current.
/// </summary>
public static class ConfigSchema
{
    public const string FileName = "pipeline.schema.json";

    public static string Generate(StageCatalog catalog)
    {
        var stageNames = new JsonArray([.. catalog.All.Select(d => (JsonNode)d.Name)]);
        var stageForms = new JsonArray { (JsonNode)new JsonObject { ["enum"] = stageNames, ["description"] = "a stage with its default options" } };
        foreach (var stage in catalog.All)
        {
            var properties = new JsonObject { ["name"] = new JsonObject { ["const"] = stage.Name } };
            foreach (var option in stage.Options) properties[option.Name] = OptionSchema(option);
            stageForms.Add((JsonNode)new JsonObject
            {
                ["type"] = "object",
                ["description"] = stage.Description,
                ["properties"] = properties,
                ["required"] = new JsonArray("name"),
                ["additionalProperties"] = false,
            });
        }

        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = FileName,
            ["title"] = "pipeline.json",
            ["description"] = "Configuration of the briefing pipeline: folders, stages in order with their options, report formats.",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["$schema"] = new JsonObject { ["type"] = "string", ["description"] = "where editors find this schema" },
                ["input"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["description"] = "folder of articles, relative to this file", ["default"] = "input" },
                ["output"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["description"] = "folder of results, relative to this file", ["default"] = "output" },
                ["jobs"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["description"] = "articles processed at once; 0: one per core", ["default"] = 0 },
                ["stages"] = new JsonObject
                {
                    ["type"] = "array",
                    ["description"] = "the stages in the order they run; each must come after the stages whose results it requires",
                    ["items"] = new JsonObject { ["oneOf"] = stageForms },
                },
                ["reports"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject
                    {
                        ["formats"] = new JsonObject
                        {
                            ["type"] = "array",
                            ["items"] = new JsonObject { ["enum"] = new JsonArray([.. ReportOptions.AllFormats.Select(f => (JsonNode)f)]) },
                            ["uniqueItems"] = true,
                        },
                    },
                    ["additionalProperties"] = false,
                },
                ["watchdog"] = new JsonObject
                {
                    ["type"] = "object",
                    ["description"] = "what one article may cost before it is stopped and recorded as failed; 0 turns a budget off",
                    ["properties"] = new JsonObject
                    {
                        ["articleSeconds"] = new JsonObject
                        {
                            ["type"] = "integer", ["minimum"] = 0, ["default"] = WatchdogOptions.DefaultArticleSeconds,
                            ["description"] = "wall-clock seconds for one article: reading, every stage and its reports",
                        },
                        ["memoryMiB"] = new JsonObject
                        {
                            ["type"] = "integer", ["minimum"] = 0, ["default"] = WatchdogOptions.DefaultMemoryMiB,
                            ["description"] = "resident memory of the process, in MiB (0, or at least 256); past it the largest article running is stopped",
                        },
                    },
                    ["additionalProperties"] = false,
                },
            },
            ["additionalProperties"] = false,
        };
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static JsonObject OptionSchema(OptionSpec option)
    {
        var schema = new JsonObject { ["description"] = option.Description };
        switch (option.Kind)
        {
            case OptionKind.Boolean:
                schema["type"] = "boolean";
                break;
            case OptionKind.Integer:
                schema["type"] = "integer";
                break;
            case OptionKind.Number:
                schema["type"] = "number";
                break;
            case OptionKind.StringList:
                schema["type"] = "array";
                schema["items"] = new JsonObject { ["type"] = "string" };
                break;
            default:
                schema["type"] = option.Default is null ? new JsonArray("string", "null") : "string";
                if (!option.AllowedValues.IsEmpty)
                    schema["enum"] = new JsonArray([.. option.AllowedValues.Select(v => (JsonNode)v)]);
                break;
        }
        if (option.Minimum is { } min) schema["minimum"] = min;
        if (option.Maximum is { } max) schema["maximum"] = max;
        if (option.Default is { } value)
            schema["default"] = value switch
            {
                bool b => JsonValue.Create(b),
                int i => JsonValue.Create(i),
                long l => JsonValue.Create(l),
                double d => JsonValue.Create(d),
                string t => JsonValue.Create(t),
                System.Collections.IEnumerable list => new JsonArray([.. list.Cast<object>().Select(x => (JsonNode)x.ToString()!)]),
                _ => JsonValue.Create(value.ToString()),
            };
        return schema;
    }
}
