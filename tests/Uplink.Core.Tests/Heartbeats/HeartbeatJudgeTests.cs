using Cronos;

namespace Uplink.Heartbeats;

public class HeartbeatJudgeTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly HeartbeatWatch LongAgo = new(Noon.AddDays(-30));

    private static readonly HeartbeatDefinition Hourly = new()
    {
        Period = TimeSpan.FromHours(1),
        Grace = TimeSpan.FromMinutes(10),
        MaxRuntime = TimeSpan.FromMinutes(10),
    };

    [Fact]
    public void Evaluate_Period_UpUntilTheInstantBeforeThePeriodEnds()
    {
        var history = Pinged(Noon);

        var lastUp = State(Hourly, history, Noon.AddHours(1) - Tick);
        var firstLate = State(Hourly, history, Noon.AddHours(1));

        Assert.Equal(HeartbeatState.Up, lastUp);
        Assert.Equal(HeartbeatState.Late, firstLate);
    }

    [Fact]
    public void Evaluate_Period_LateUntilTheInstantBeforeTheGraceEnds()
    {
        var history = Pinged(Noon);

        var lastLate = HeartbeatJudge.Evaluate(Hourly, history, LongAgo, Noon.AddMinutes(70) - Tick);
        var firstDown = HeartbeatJudge.Evaluate(Hourly, history, LongAgo, Noon.AddMinutes(70));

        Assert.Equal(HeartbeatState.Late, lastLate.State);
        Assert.Equal(Noon.AddHours(1), lastLate.Since);
        Assert.Equal(Noon.AddMinutes(70), lastLate.NextChangeAt);
        Assert.Equal(HeartbeatState.Down, firstDown.State);
        Assert.Equal(Noon.AddMinutes(70), firstDown.Since);
        Assert.Contains("grace of 10 min ran out", firstDown.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Up_NextChangeIsTheFirstLateInstant()
    {
        var status = HeartbeatJudge.Evaluate(Hourly, Pinged(Noon), LongAgo, Noon.AddMinutes(5));

        Assert.Equal(HeartbeatState.Up, status.State);
        Assert.Equal(Noon.AddHours(1), status.LateAt);
        Assert.Equal(Noon.AddMinutes(70), status.DownAt);
        Assert.Equal(Noon.AddHours(1), status.NextChangeAt);
    }

    [Fact]
    public void Evaluate_CronAcrossSpringForward_DeadlinesFollowBerlinTime()
    {
        // 29 March 2026: Berlin moves from 02:00 CET to 03:00 CEST; the 09:00 run comes 23 hours later.
        var daily = CronHeartbeat("0 9 * * *", "Europe/Berlin", TimeSpan.FromMinutes(30));
        var saturdayRun = new DateTimeOffset(2026, 3, 28, 8, 0, 5, TimeSpan.Zero);
        var sundayNine = new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero);
        var history = Pinged(saturdayRun);

        Assert.Equal(HeartbeatState.Up, State(daily, history, sundayNine - Tick));
        Assert.Equal(HeartbeatState.Late, State(daily, history, sundayNine));
        Assert.Equal(HeartbeatState.Late, State(daily, history, sundayNine.AddMinutes(30) - Tick));
        Assert.Equal(HeartbeatState.Down, State(daily, history, sundayNine.AddMinutes(30)));
    }

    [Fact]
    public void Evaluate_CronTimeInTheSkippedHour_ExpectedWhenTheClockJumpsOver()
    {
        // 02:30 does not exist in Berlin on 29 March 2026; the run is due at 03:00 CEST (01:00 UTC).
        var nightly = CronHeartbeat("30 2 * * *", "Europe/Berlin", TimeSpan.FromMinutes(15));
        var history = Pinged(new DateTimeOffset(2026, 3, 28, 1, 30, 0, TimeSpan.Zero));
        var due = new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero);

        var status = HeartbeatJudge.Evaluate(nightly, history, LongAgo, due - Tick);

        Assert.Equal(HeartbeatState.Up, status.State);
        Assert.Equal(due, status.LateAt);
        Assert.Equal(HeartbeatState.Late, State(nightly, history, due));
        Assert.Equal(HeartbeatState.Down, State(nightly, history, due.AddMinutes(15)));
    }

    [Fact]
    public void Evaluate_CronAcrossFallBack_RunsOnceAtTheFirstOfTheRepeatedTimes()
    {
        // 25 October 2026: Berlin's 02:00-03:00 happens twice; a 02:30 job is due at the first, 00:30 UTC.
        var nightly = CronHeartbeat("30 2 * * *", "Europe/Berlin", TimeSpan.FromMinutes(15));
        var history = Pinged(new DateTimeOffset(2026, 10, 24, 0, 30, 0, TimeSpan.Zero));
        var due = new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero);

        Assert.Equal(HeartbeatState.Up, State(nightly, history, due - Tick));
        Assert.Equal(HeartbeatState.Late, State(nightly, history, due));
    }

    [Fact]
    public void Evaluate_SundayAsSeven_SameAsSundayAsZero()
    {
        var seven = CronHeartbeat("0 6 * * 7", "UTC", TimeSpan.FromMinutes(5));
        var zero = CronHeartbeat("0 6 * * 0", "UTC", TimeSpan.FromMinutes(5));
        var monday = new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);

        Assert.Equal(monday.AddDays(6), seven.ExpectedAfter(monday));
        Assert.Equal(zero.ExpectedAfter(monday), seven.ExpectedAfter(monday));
    }

    [Fact]
    public void Evaluate_FailPing_DownWithTheExitCode()
    {
        var history = Pinged(Noon).Apply(Ping(Noon.AddMinutes(1), PingKind.Fail, exitCode: 3)).History;

        var status = HeartbeatJudge.Evaluate(Hourly, history, LongAgo, Noon.AddMinutes(2));

        Assert.Equal(HeartbeatState.Down, status.State);
        Assert.Equal("the job reported failure with exit code 3", status.Reason);
        Assert.Null(status.NextChangeAt);
    }

    [Fact]
    public void Evaluate_StartedRun_DownAtTheFirstInstantPastMaxRuntime()
    {
        var history = Pinged(Noon).Apply(Ping(Noon.AddMinutes(20), PingKind.Start)).History;

        Assert.Equal(HeartbeatState.Started, State(Hourly, history, Noon.AddMinutes(30) - Tick));
        Assert.Equal(Noon.AddMinutes(30), HeartbeatJudge.Evaluate(Hourly, history, LongAgo, Noon.AddMinutes(25)).DownAt);
        var down = HeartbeatJudge.Evaluate(Hourly, history, LongAgo, Noon.AddMinutes(30));

        Assert.Equal(HeartbeatState.Down, down.State);
        Assert.Contains("has not ended within 10 min", down.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AbandonedRunThenACompleteRun_IsUpAgain()
    {
        // Run "lost" starts and its process dies; the next run, with its own id, completes.
        var history = Pinged(Noon)
            .Apply(Ping(Noon.AddMinutes(5), PingKind.Start, runId: "lost")).History
            .Apply(Ping(Noon.AddMinutes(20), PingKind.Start, runId: "next")).History;
        Assert.Equal(HeartbeatState.Down, State(Hourly, history, Noon.AddMinutes(20)));

        var after = history.Apply(Ping(Noon.AddMinutes(21), PingKind.Success, runId: "next")).History;

        Assert.Equal(HeartbeatState.Up, State(Hourly, after, Noon.AddMinutes(21)));
        Assert.Equal(Noon.AddMinutes(5), after.OldestOpenRun);
    }

    [Fact]
    public void Evaluate_OverlappingRunStillWithinMaxRuntime_StaysStartedAfterAnotherEnds()
    {
        var history = Pinged(Noon)
            .Apply(Ping(Noon.AddMinutes(5), PingKind.Start, runId: "long")).History
            .Apply(Ping(Noon.AddMinutes(6), PingKind.Start, runId: "short")).History
            .Apply(Ping(Noon.AddMinutes(7), PingKind.Success, runId: "short")).History;

        Assert.Equal(HeartbeatState.Started, State(Hourly, history, Noon.AddMinutes(8)));
        Assert.Equal(HeartbeatState.Down, State(Hourly, history, Noon.AddMinutes(15)));
    }

    [Fact]
    public void Apply_SuccessAfterStart_MeasuresTheRunByRunId()
    {
        var history = PingHistory.Empty
            .Apply(Ping(Noon, PingKind.Start, runId: "a")).History
            .Apply(Ping(Noon.AddSeconds(5), PingKind.Start, runId: "b")).History;

        var (afterA, durationA) = history.Apply(Ping(Noon.AddSeconds(42), PingKind.Success, runId: "a"));
        var (_, durationB) = afterA.Apply(Ping(Noon.AddSeconds(50), PingKind.Fail, runId: "b"));

        Assert.Equal(TimeSpan.FromSeconds(42), durationA);
        Assert.Equal(TimeSpan.FromSeconds(45), durationB);
        Assert.Equal(Noon.AddSeconds(5), afterA.OldestOpenRun);
    }

    [Fact]
    public void Evaluate_NoPingYet_NewWithNoDeadline()
    {
        var status = HeartbeatJudge.Evaluate(Hourly, PingHistory.Empty, LongAgo, Noon);

        Assert.Equal(HeartbeatState.New, status.State);
        Assert.Null(status.NextChangeAt);
    }

    [Fact]
    public void Evaluate_Paused_NeverLateOrDown()
    {
        var paused = Hourly with { Paused = true };

        Assert.Equal(HeartbeatState.Paused, State(paused, Pinged(Noon), Noon.AddDays(3)));
    }

    [Fact]
    public void Evaluate_DeadlinePassedWhileServerWasDown_FreshGraceFromTheStart()
    {
        var restarted = new HeartbeatWatch(Noon.AddHours(3));
        var history = Pinged(Noon);

        var atStart = HeartbeatJudge.Evaluate(Hourly, history, restarted, Noon.AddHours(3));
        var lastLate = State(Hourly, history, Noon.AddHours(3).AddMinutes(10) - Tick, restarted);
        var firstDown = State(Hourly, history, Noon.AddHours(3).AddMinutes(10), restarted);

        Assert.Equal(HeartbeatState.Late, atStart.State);
        Assert.Equal(Noon.AddHours(3).AddMinutes(10), atStart.DownAt);
        Assert.Equal(HeartbeatState.Late, lastLate);
        Assert.Equal(HeartbeatState.Down, firstDown);
    }

    [Fact]
    public void Evaluate_AlreadyDownBeforeTheServerStopped_StaysDown()
    {
        var restarted = new HeartbeatWatch(Noon.AddHours(3), WasDown: true);

        Assert.Equal(HeartbeatState.Down, State(Hourly, Pinged(Noon), Noon.AddHours(3), restarted));
    }

    [Fact]
    public void Evaluate_DeadlineAfterTheStart_Unchanged()
    {
        var restarted = new HeartbeatWatch(Noon.AddMinutes(30));

        Assert.Equal(HeartbeatState.Late, State(Hourly, Pinged(Noon), Noon.AddHours(1), restarted));
        Assert.Equal(HeartbeatState.Down, State(Hourly, Pinged(Noon), Noon.AddMinutes(70), restarted));
    }

    internal static HeartbeatDefinition CronHeartbeat(string cron, string zone, TimeSpan grace) => new()
    {
        Schedule = CronExpression.Parse(cron),
        ScheduleText = cron,
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(zone),
        Grace = grace,
        MaxRuntime = grace,
    };

    internal static Ping Ping(
        DateTimeOffset at,
        PingKind kind = PingKind.Success,
        int? exitCode = null,
        string? runId = null)
    {
        return new Ping
        {
            Monitor = "sync",
            ReceivedAt = at,
            Kind = kind,
            ExitCode = exitCode,
            RunId = runId,
        };
    }

    private static PingHistory Pinged(DateTimeOffset at) => PingHistory.Empty.Apply(Ping(at)).History;

    private static HeartbeatState State(
        HeartbeatDefinition heartbeat,
        PingHistory history,
        DateTimeOffset now,
        HeartbeatWatch? watch = null) =>
        HeartbeatJudge.Evaluate(heartbeat, history, watch ?? LongAgo, now).State;
}
