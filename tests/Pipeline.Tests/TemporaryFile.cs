namespace Pipeline.Tests;

/// <summary>A file of the given bytes in the temporary folder, deleted when the test is done with it.</summary>
public sealed class TemporaryFile : IDisposable
{
    public TemporaryFile(string prefix, byte[] contents)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(Path, contents);
    }

    public TemporaryFile(string prefix, string text) : this(prefix, System.Text.Encoding.UTF8.GetBytes(text))
    {
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
