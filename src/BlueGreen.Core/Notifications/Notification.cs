using System.Text.Json.Serialization;

namespace BlueGreen.Core.Notifications;

/// <summary>A milestone of an upgrade that people are told of. The names are the documented <c>event</c> values.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NotificationKind>))]
public enum NotificationKind
{
    [JsonStringEnumMemberName("started")]
    Started,

    [JsonStringEnumMemberName("stepBaked")]
    StepBaked,

    [JsonStringEnumMemberName("paused")]
    Paused,

    [JsonStringEnumMemberName("rolledBack")]
    RolledBack,

    [JsonStringEnumMemberName("completed")]
    Completed,

    [JsonStringEnumMemberName("decommissioned")]
    Decommissioned,
}

/// <summary>The names of <see cref="NotificationKind"/> as configuration and bodies spell them.</summary>
public static class NotificationKinds
{
    private static readonly Dictionary<string, NotificationKind> ByName = new(StringComparer.Ordinal)
    {
        ["started"] = NotificationKind.Started,
        ["stepBaked"] = NotificationKind.StepBaked,
        ["paused"] = NotificationKind.Paused,
        ["rolledBack"] = NotificationKind.RolledBack,
        ["completed"] = NotificationKind.Completed,
        ["decommissioned"] = NotificationKind.Decommissioned,
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static bool TryParse(string name, out NotificationKind kind) => ByName.TryGetValue(name, out kind);

    public static string NameOf(NotificationKind kind) => ByName.First(p => p.Value == kind).Key;
}

/// <summary>One notification: what happened to which upgrade, in a sentence and in fields.</summary>
/// <param name="Kind">The milestone.</param>
/// <param name="Environment">The environment's name (<c>environment:</c>).</param>
/// <param name="From">The live colour.</param>
/// <param name="To">The candidate colour.</param>
/// <param name="At">When it happened, by the engine's clock.</param>
/// <param name="Summary">One sentence for people.</param>
public sealed record Notification(NotificationKind Kind, string Environment, string From, string To, DateTimeOffset At, string Summary)
{
    /// <summary>The upgrade's id, as the journal records it.</summary>
    public string? UpgradeId { get; init; }

    /// <summary>The step (from 1) a step notification is about.</summary>
    public int? Step { get; init; }

    /// <summary>The candidate's share in percent at that moment.</summary>
    public int? Percent { get; init; }

    /// <summary>Why it paused or rolled back.</summary>
    public string? Reason { get; init; }
}

/// <summary>Where notifications go. <see cref="Send"/> never blocks and never throws: delivery happens elsewhere.</summary>
public interface INotificationSink
{
    void Send(Notification notification);
}
