using Uplink.Judging;

namespace Uplink.Mobile;

/// <summary>A size budget or app timeout a step did not keep, with the health it sets and the figures.</summary>
public sealed record TransferFinding(Health Health, string Text);
