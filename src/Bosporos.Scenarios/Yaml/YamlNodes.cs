namespace Bosporos.Scenarios.Yaml;

/// <summary>A 1-based position in the scenario text.</summary>
internal readonly record struct TextMark(int Line, int Column);

/// <summary>A node of the parsed scenario with the place it came from.</summary>
internal abstract class YNode
{
    protected YNode(TextMark start) => Start = start;

    public TextMark Start { get; set; }

    /// <summary>True when the node was given by a <c>--set</c> override rather than read from the file.</summary>
    public bool FromOverride { get; set; }

    /// <summary>For an override that replaced a scalar of the file: the text it replaced.</summary>
    public string? ReplacedText { get; set; }

    public abstract string Describe();

    public void MarkOverride()
    {
        FromOverride = true;
        switch (this)
        {
            case YMapping m:
                foreach (var e in m.Entries)
                {
                    e.Key.MarkOverride();
                    e.Value.MarkOverride();
                }

                break;
            case YSequence s:
                foreach (var item in s.Items)
                {
                    item.MarkOverride();
                }

                break;
        }
    }
}

internal sealed class YScalar(TextMark start, string value, bool plain) : YNode(start)
{
    public string Value { get; } = value;

    /// <summary>Written without quotes (so it may be a number, a boolean or null).</summary>
    public bool Plain { get; } = plain;

    /// <summary>A plain empty value, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => Plain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "nothing" : Plain ? $"'{Value}'" : $"the text \"{Value}\"";
}

internal sealed record YEntry(YScalar Key, YNode Value)
{
    public YNode Value { get; set; } = Value;
}

internal sealed class YMapping(TextMark start) : YNode(start)
{
    public List<YEntry> Entries { get; } = [];

    public YEntry? Find(string key) => Entries.Find(e => e.Key.Value == key);

    public override string Describe() => "a mapping (key: value pairs)";
}

internal sealed class YSequence(TextMark start) : YNode(start)
{
    public List<YNode> Items { get; } = [];

    public override string Describe() => "a list";
}
