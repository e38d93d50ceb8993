using Microsoft.Data.Sqlite;

namespace Pipeline.Running.Record;

/// <summary>
/// The one SQLite connection of output/pipeline.db, shared by the parts of the record and serialised
/// by one lock: writes are a few rows per article, far cheaper than processing it.
/// </summary>
internal sealed class RecordConnection : IDisposable
{
    public RecordConnection(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        FilePath = path;
        Connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false,
        }.ToString());
        Connection.Open();
        Execute("PRAGMA busy_timeout=5000;");
        // The layout first: a record this version cannot read is left exactly as it was (WAL mode changes the file).
        RecordSchema.Apply(this);
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
    }

    public string FilePath { get; }
    public SqliteConnection Connection { get; }
    public Lock Lock { get; } = new();

    public void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, parameters);
        cmd.ExecuteNonQuery();
    }

    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, parameters);
        return cmd.ExecuteScalar();
    }

    public SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    /// <summary>A prepared insert's parameters, to be filled row by row with <see cref="Set"/>.</summary>
    public static SqliteParameter[] Parameters(SqliteCommand cmd, params string[] names) =>
        [.. names.Select(n => cmd.Parameters.Add(new SqliteParameter { ParameterName = n }))];

    public static void Set(SqliteParameter[] parameters, params object?[] values)
    {
        for (var i = 0; i < parameters.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
    }

    public static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public void Dispose() => Connection.Dispose();
}
