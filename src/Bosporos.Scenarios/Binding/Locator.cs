using System.Runtime.CompilerServices;
using Bosporos.Scenarios.Yaml;

namespace Bosporos.Scenarios.Binding;

/// <summary>Where each bound record and value came from, so meaning checks can point at the right line.</summary>
internal sealed class Locator
{
    private readonly Dictionary<object, (YMapping Node, string Path)> records = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Slot, (YNode Node, string Path)> values = new(SlotComparer.Instance);
    private readonly HashSet<Slot> failed = new(SlotComparer.Instance);

    public void Record(object owner, YMapping node, string path) => records[owner] = (node, path);

    public void Value(object owner, string name, YNode node, string path) => values[new Slot(owner, name)] = (node, path);

    public void Fail(object owner, string name) => failed.Add(new Slot(owner, name));

    public bool Failed(object owner, string name) => failed.Contains(new Slot(owner, name));

    /// <summary>The node and path of a value; a value not written in the file is placed at its record.</summary>
    public (YNode Node, string Path) Find(object owner, string name, string key)
    {
        if (values.TryGetValue(new Slot(owner, name), out var found))
        {
            return found;
        }

        var (node, path) = records[owner];
        return (node, Join(path, key));
    }

    public (YMapping Node, string Path) RecordOf(object owner) => records[owner];

    public static string Join(string path, string segment) => path.Length == 0 ? segment : $"{path}.{segment}";

    private readonly record struct Slot(object Owner, string Name);

    private sealed class SlotComparer : IEqualityComparer<Slot>
    {
        public static readonly SlotComparer Instance = new();

        public bool Equals(Slot x, Slot y) => ReferenceEquals(x.Owner, y.Owner) && string.Equals(x.Name, y.Name, StringComparison.Ordinal);

        public int GetHashCode(Slot obj) => HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Owner), StringComparer.Ordinal.GetHashCode(obj.Name));
    }
}
