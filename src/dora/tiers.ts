export type Tier = "elite" | "high" | "medium" | "low";

export interface TierThresholds {
  /** Minimum deployments per week for elite, high, medium. */
  deploymentsPerWeek: { elite: number; high: number; medium: number };
  /** Median lead time must be below these hours. */
  leadTimeHours: { elite: number; high: number; medium: number };
  /** Change failure rate must be at most these. */
  changeFailureRate: { elite: number; high: number; medium: number };
  /** Median time to restore must be below these hours. */
  timeToRestoreHours: { elite: number; high: number; medium: number };
}

/** The 2023 State of DevOps report's per-metric thresholds (docs/dora.md, "The contract"). */
export const dora2023Tiers: TierThresholds = {
  deploymentsPerWeek: { elite: 7, high: 1, medium: 12 / 52 },
  leadTimeHours: { elite: 24, high: 24 * 7, medium: 24 * 30 },
  changeFailureRate: { elite: 0.05, high: 0.1, medium: 0.15 },
  timeToRestoreHours: { elite: 1, high: 24, medium: 24 * 7 },
};

export function frequencyTier(perWeek: number, t: TierThresholds): Tier {
  const x = t.deploymentsPerWeek;
  return perWeek >= x.elite ? "elite" : perWeek >= x.high ? "high" : perWeek >= x.medium ? "medium" : "low";
}

export function belowTier(value: number | null, x: { elite: number; high: number; medium: number }): Tier | null {
  if (value === null) return null;
  return value < x.elite ? "elite" : value < x.high ? "high" : value < x.medium ? "medium" : "low";
}

export function rateTier(value: number | null, x: { elite: number; high: number; medium: number }): Tier | null {
  if (value === null) return null;
  return value <= x.elite ? "elite" : value <= x.high ? "high" : value <= x.medium ? "medium" : "low";
}

export const tierRank: Record<Tier, number> = { elite: 3, high: 2, medium: 1, low: 0 };

/** The 2023 thresholds with any configured overrides (config `dora.tiers`). */
export function tiersWith(overrides: Partial<TierThresholds> | undefined): TierThresholds {
  return {
    ...dora2023Tiers,
    ...Object.fromEntries(Object.entries(overrides ?? {}).filter(([, value]) => value !== undefined)),
  };
}
