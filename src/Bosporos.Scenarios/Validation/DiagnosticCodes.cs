namespace Bosporos.Scenarios.Validation;

/// <summary>
/// Every code the loader emits. BOS0xxx: the file as bytes; BOS10xx: YAML structure and limits; BOS11xx: binding
/// (keys, types, numbers); BOS12xx: meaning (ranges, references, dates); BOS13xx: --set overrides; BOS2xxx: warnings.
/// docs/scenario-format.md has the table with meanings and hints.
/// </summary>
public static class DiagnosticCodes
{
    public const string FileUnreadable = "BOS0001";
    public const string FileTooLarge = "BOS0002";
    public const string InvalidUtf8 = "BOS0003";
    public const string NulByte = "BOS0004";
    public const string EmptyFile = "BOS0005";

    public const string YamlSyntax = "BOS1001";
    public const string AnchorOrAlias = "BOS1002";
    public const string Tag = "BOS1003";
    public const string TooDeep = "BOS1004";
    public const string TooManyNodes = "BOS1005";
    public const string ScalarTooLong = "BOS1006";
    public const string DuplicateKey = "BOS1007";
    public const string MultipleDocuments = "BOS1008";
    public const string NotAMapping = "BOS1009";
    public const string ExperimentFile = "BOS1010";
    public const string WarFile = "BOS1011";

    public const string UnknownKey = "BOS1101";
    public const string MissingKey = "BOS1102";
    public const string WrongType = "BOS1103";
    public const string NotANumber = "BOS1104";
    public const string NotFinite = "BOS1105";
    public const string NumberOutOfRange = "BOS1106";
    public const string TooManyDecimals = "BOS1107";
    public const string NotABoolean = "BOS1108";
    public const string UnknownEnumValue = "BOS1109";
    public const string UnsupportedFormat = "BOS1110";
    public const string BadCitation = "BOS1111";
    public const string NumberTooPrecise = "BOS1112";

    public const string Negative = "BOS1201";
    public const string AboveCap = "BOS1202";
    public const string RatioOutOfRange = "BOS1203";
    public const string DuplicateId = "BOS1204";
    public const string UnknownReference = "BOS1205";
    public const string DaysReversed = "BOS1206";
    public const string BadHours = "BOS1207";
    public const string BadDate = "BOS1208";
    public const string BadHorizon = "BOS1209";
    public const string BeyondHorizon = "BOS1210";
    public const string NotAWall = "BOS1211";
    public const string OutsideCitedRange = "BOS1212";
    public const string BadCoordinate = "BOS1213";
    public const string BadId = "BOS1214";

    public const string UnknownOverridePath = "BOS1301";
    public const string BadOverride = "BOS1302";

    public const string UncitedNumber = "BOS2001";
    public const string OverrideOutsideCitedRange = "BOS2002";
    public const string TooManyDiagnostics = "BOS2999";
}
