/**
 * One small release history, told as commits (with dates) and the releases deployed from them:
 * a feature, a revert released on its own, a hotfix. The scorecard tests read it through every
 * door and every source, and expect the same figures: 5 deployments in a 45-day window ending
 * 2025-11-01, v0.3.0 (reverted) and v0.3.1 (hotfixed) failed.
 */
export const releaseHistory: { subject: string; at: string; release?: string }[] = [
  { subject: "init", at: "2025-09-01T10:00:00Z", release: "v0.1.0" },
  { subject: "feat: orders", at: "2025-10-01T10:00:00Z" },
  { subject: "feat: billing", at: "2025-10-02T10:00:00Z", release: "v0.2.0" },
  { subject: "feat: search", at: "2025-10-10T10:00:00Z", release: "v0.3.0" },
  { subject: 'Revert "feat: search"', at: "2025-10-11T10:00:00Z", release: "v0.3.1" },
  { subject: "hotfix: payment rounding", at: "2025-10-20T10:00:00Z", release: "v0.3.2" },
  { subject: "feat: exports", at: "2025-10-25T10:00:00Z", release: "v0.4.0" },
];
