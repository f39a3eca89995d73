namespace Uplink.Web.Api;

/// <summary>One condition as it was evaluated.</summary>
/// <param name="Passed">Whether the response satisfied it.</param>
/// <param name="Text">The condition with the actual value, for example <c>status (503) == 200</c>.</param>
public sealed record ConditionResponse(bool Passed, string Text);
