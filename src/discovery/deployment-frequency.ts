/** One decimal, without a trailing ".0": 3.19 -> "3.2", 7.0 -> "7". */
const rounded = (value: number) => value.toFixed(1).replace(/\.0$/, "");

/** The DORA sources (`dora.source` in the config) in words; any other source is shown as given. */
const sourceWords: Record<string, string> = {
  tags: "release tags",
  "workflow-runs": "workflow runs",
};

/** What the deployments were counted from, in words: "release tags" for `tags`. */
export const deploymentSourceWords = (source: string) => sourceWords[source] ?? source;

/** "41 release tags", "1 release tag". */
function counted(count: number, source: string): string {
  const words = deploymentSourceWords(source);
  return `${count} ${count === 1 && words.endsWith("s") ? words.slice(0, -1) : words}`;
}

/**
 * How often production is deployed, in the unit a person would say it in: per day from one a
 * day, per week from one a week, per month below. The window and the count and their source
 * follow, so the reader can check it: "3.2 per week over 90 days (41 release tags)".
 */
export function deploymentFrequencyText(deployments: { count: number; windowDays: number; source: string }): string {
  const { count, windowDays, source } = deployments;
  const over = `over ${windowDays} day${windowDays === 1 ? "" : "s"} (${counted(count, source)})`;
  if (count === 0 || windowDays <= 0) return `none ${over}`;
  const perDay = count / windowDays;
  if (perDay >= 1) return `${rounded(perDay)} per day ${over}`;
  if (perDay * 7 >= 1) return `${rounded(perDay * 7)} per week ${over}`;
  return `${rounded(perDay * 30)} per month ${over}`;
}

/** The evidence's reason: "41 release tags in the last 90 days". */
export const deploymentCountText = (deployments: { count: number; windowDays: number; source: string }) =>
  `${counted(deployments.count, deployments.source)} in the last ${deployments.windowDays} days`;
