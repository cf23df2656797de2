namespace Bosporos.Scenarios;

/// <summary>
/// Reads a small input file without trusting its size: at most one byte more than the limit is kept, so a device
/// such as /dev/zero, a pipe or a file that grows while it is read costs no more than the limit. Scenario files and
/// experiment files are both read through here.
/// </summary>
public static class BoundedFile
{
    /// <summary>UTF-8 that refuses invalid bytes instead of replacing them: how every input file's text is decoded.</summary>
    public static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The file's bytes, or the first <paramref name="maxBytes"/> + 1 of them when it is longer (the caller reports
    /// a result longer than the limit as too large). Throws the I/O exceptions of opening and reading a file.
    /// </summary>
    public static byte[] Read(string path, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
        if (stream.CanSeek && stream.Length > maxBytes)
        {
            return new byte[maxBytes + 1];
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length <= maxBytes)
        {
            var want = (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length);
            var read = stream.Read(chunk, 0, want);
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
