import type { ScorecardRunOutcome } from "../use-cases/run-scorecard.js";
import { colorsFor, type CliIo } from "./io.js";
import { displayPath } from "./repository-root.js";

/** The files a run wrote, one line each on stderr. */
export function reportWritten(io: CliIo, root: string, written: ScorecardRunOutcome["written"]): void {
  if (written.status === "committed")
    for (const path of written.paths) io.stderr.write(`wrote ${displayPath(io, root, path)}\n`);
}

/** The text report of a run: the scorecard, explained when asked, with the sync read and each service's figures. */
export async function writeScorecardText(
  io: CliIo,
  { run, drafted }: ScorecardRunOutcome,
  shown: { tagPattern: string | undefined; windowDays: number; now: Date; explain: boolean },
): Promise<void> {
  // The text report's modules load only for it.
  const { describeTagPattern } = await import("../dora/tag-pattern.js");
  const { formatScorecardText } = await import("../report/scorecard-text.js");
  const { servicesText } = await import("../scorecard/services.js");
  const { upToNow, afterNow, notes } = run.deploymentSource;
  const emptyHint =
    upToNow > 0
      ? `${upToNow} matching tags, none in the last ${shown.windowDays} days`
      : afterNow > 0
        ? `${afterNow} matching tags, all after ${shown.now.toISOString()}; move --now later`
        : `no tag matches ${describeTagPattern(shown.tagPattern)}; tag releases (git tag -a v1.2.0) or pass --tag-pattern`;
  io.stdout.write(
    formatScorecardText(run.scorecard, run.dora, colorsFor(io), {
      explain: shown.explain,
      emptyHint,
      warnings: notes,
      width: io.columns ?? 80,
      syncRead: drafted.read,
    }),
  );
  const perService = servicesText(run.scorecard);
  if (perService.length > 0) io.stdout.write(["", ...perService, ""].join("\n"));
}
