namespace Uplink.Judging;

/// <summary>
/// One condition as it was evaluated. <see cref="Text"/> shows the actual value beside the expected
/// one, for example <c>status (503) == 200</c>, so that a failure explains itself.
/// </summary>
public sealed record ConditionOutcome(bool Passed, string Text);
