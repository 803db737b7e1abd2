/** One decimal, without a trailing ".0": 3.19 -> "3.2", 7.0 -> "7". */
const rounded = (value: number) => value.toFixed(1).replace(/\.0$/, "");

/**
 * How often production is deployed, in the unit a person would say it in: per day from one a
 * day, per week from one a week, per month below. The window and the count and their source
 * follow, so the reader can check it: "3.2 per week over 90 days (41 release tags)".
 */
export function deploymentFrequencyText(deployments: { count: number; windowDays: number; source: string }): string {
  const { count, windowDays, source } = deployments;
  const over = `over ${windowDays} day${windowDays === 1 ? "" : "s"} (${count} ${source})`;
  if (count === 0 || windowDays <= 0) return `none ${over}`;
  const perDay = count / windowDays;
  if (perDay >= 1) return `${rounded(perDay)} per day ${over}`;
  if (perDay * 7 >= 1) return `${rounded(perDay * 7)} per week ${over}`;
  return `${rounded(perDay * 30)} per month ${over}`;
}
