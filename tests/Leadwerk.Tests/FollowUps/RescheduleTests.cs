using Leadwerk.Web.FollowUps;

namespace Leadwerk.Tests.FollowUps;

/// <summary>My day's "+1 day", "Next week" and the s key: the new due moment they send, in the day's zone.</summary>
public sealed class RescheduleTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private static readonly DateTime Now = new(2027, 3, 24, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void NextWeekKeepsTheClockTimeAcrossTheChangeToSummerTime()
    {
        var changes = FollowUpReschedule.By(Due(new DateTime(2027, 3, 24, 8, 0, 0, DateTimeKind.Utc)), 7, Amsterdam, Now);

        Assert.Equal("2027-03-31T09:00:00+02:00", changes.DueAt.Value);
        Assert.False(changes.AllDay.Value);
    }

    [Fact]
    public void AnOverdueFollowUpSnoozedByADayComesTomorrowAtItsTime()
    {
        var changes = FollowUpReschedule.By(Due(new DateTime(2027, 3, 22, 13, 0, 0, DateTimeKind.Utc)), 1, Amsterdam, Now);

        Assert.Equal("2027-03-25T14:00:00+01:00", changes.DueAt.Value);
    }

    [Fact]
    public void AnAllDayFollowUpMovesByItsDay()
    {
        var changes = FollowUpReschedule.By(Due(new DateTime(2027, 3, 23, 23, 0, 0, DateTimeKind.Utc), allDay: true), 1, Amsterdam, Now);

        Assert.Equal("2027-03-25", changes.DueAt.Value);
        Assert.True(changes.AllDay.Value);
    }

    [Fact]
    public void ATimeThatDoesNotExistOnTheNewDayBecomesTheFirstOneThatDoes()
    {
        // 02:30 on Saturday; on Sunday the clocks jump from 02:00 to 03:00.
        var changes = FollowUpReschedule.By(Due(new DateTime(2027, 3, 27, 1, 30, 0, DateTimeKind.Utc)), 1, Amsterdam, Now);

        Assert.Equal("2027-03-28T03:00:00+02:00", changes.DueAt.Value);
    }

    private static FollowUpDto Due(DateTime dueAt, bool allDay = false) => new(
        1, 1, "Ann Tester", null, null, "call", 1, "Call", "Call Ann", dueAt, allDay, null, null, null, null,
        "open", dueAt < Now, null, null, null, null, Now, Now, 1);
}
