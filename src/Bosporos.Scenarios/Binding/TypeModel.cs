using System.Collections.Concurrent;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Bosporos.Kernel.Numerics;

namespace Bosporos.Scenarios.Binding;

internal enum ValueKind
{
    String,
    Int,
    Long,
    NullableInt,
    Bool,
    Enum,
    Ratio,
    Degrees,
    StringArray,
    RecordArray,
    Record,
}

/// <summary>One settable property of a kernel definition record, under its kebab-case key.</summary>
internal sealed class PropertyModel
{
    public PropertyModel(PropertyInfo info)
    {
        Info = info;
        Key = Kebab(info.Name);
        Required = info.IsDefined(typeof(RequiredMemberAttribute), inherit: false);
        Description = info.GetCustomAttribute<DescriptionAttribute>()?.Description;
        if (info.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            Range = (Convert.ToDecimal(range.Minimum, CultureInfo.InvariantCulture), Convert.ToDecimal(range.Maximum, CultureInfo.InvariantCulture));
        }
        var type = info.PropertyType;
        var nullability = new NullabilityInfoContext().Create(info);
        Nullable = nullability.WriteState == NullabilityState.Nullable;
        (Kind, ElementType) = type switch
        {
            _ when type == typeof(string) => (ValueKind.String, null),
            _ when type == typeof(int) => (ValueKind.Int, null),
            _ when type == typeof(long) => (ValueKind.Long, null),
            _ when type == typeof(int?) => (ValueKind.NullableInt, null),
            _ when type == typeof(bool) => (ValueKind.Bool, null),
            _ when type == typeof(Ratio) => (ValueKind.Ratio, null),
            _ when type == typeof(Degrees) => (ValueKind.Degrees, null),
            _ when type.IsEnum => (ValueKind.Enum, type),
            _ when type == typeof(string[]) => (ValueKind.StringArray, typeof(string)),
            _ when type.IsArray && type.GetElementType()!.IsClass => (ValueKind.RecordArray, type.GetElementType()),
            _ when type.IsClass => (ValueKind.Record, type),
            _ => throw new NotSupportedException($"{info.DeclaringType?.Name}.{info.Name}: type {type.Name} has no scenario binding."),
        };
    }

    public PropertyInfo Info { get; }

    public string Name => Info.Name;

    public string Key { get; }

    public bool Required { get; }

    public bool Nullable { get; }

    public string? Description { get; }

    /// <summary>The kernel's [Range] on the property, when it gives one.</summary>
    public (decimal Min, decimal Max)? Range { get; }

    public ValueKind Kind { get; }

    /// <summary>The enum, record or array element type.</summary>
    public Type? ElementType { get; }

    public bool IsNumber => Kind is ValueKind.Int or ValueKind.Long or ValueKind.NullableInt or ValueKind.Ratio or ValueKind.Degrees;

    public RecordModel Record => RecordModel.For(ElementType!);

    public static string Kebab(string name) => Naming.Kebab(name);
}

/// <summary>A kernel definition record as the loader sees it: its keys and which of them are required.</summary>
internal sealed class RecordModel
{
    private static readonly ConcurrentDictionary<Type, RecordModel> Cache = new();

    private RecordModel(Type type)
    {
        Type = type;
        Properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken)
            .Select(p => new PropertyModel(p))
            .ToList();
        ByKey = Properties.ToDictionary(p => p.Key, StringComparer.Ordinal);
        IdProperty = ByKey.GetValueOrDefault("id") is { Kind: ValueKind.String } id ? id : null;
    }

    public Type Type { get; }

    public IReadOnlyList<PropertyModel> Properties { get; }

    public IReadOnlyDictionary<string, PropertyModel> ByKey { get; }

    /// <summary>The <c>id</c> property when list items of this type are addressed by id.</summary>
    public PropertyModel? IdProperty { get; }

    /// <summary>A readable name: ContingentDefinition -> contingent.</summary>
    public string Display => PropertyModel.Kebab(Type.Name.EndsWith("Definition", StringComparison.Ordinal) ? Type.Name[..^"Definition".Length] : Type.Name);

    public static RecordModel For(Type type) => Cache.GetOrAdd(type, t => new RecordModel(t));
}

/// <summary>Enum members under their kebab-case names.</summary>
internal static class EnumNames
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, object>> Cache = new();

    public static IReadOnlyDictionary<string, object> For(Type enumType) =>
        Cache.GetOrAdd(enumType, t => Enum.GetValues(t).Cast<object>()
            .ToDictionary(v => PropertyModel.Kebab(v.ToString()!), v => v, StringComparer.Ordinal));

    public static string? Description(Type enumType, string member) =>
        enumType.GetField(member)?.GetCustomAttribute<DescriptionAttribute>()?.Description;
}
