import { readAdr, type AdrSummary } from "../adr/read-adr.js";
import { adrReviewDate } from "../adr/review-date.js";
import { readActionItems, type ActionItem } from "../follow-up/action-items.js";
import type { FileView, RepositoryContents } from "../ports/repository-view.js";
import { recordFilesIn, type DataLayout } from "../schemas/data-files.js";

/** An ADR with its review date, as the follow-up and the decision log read it. */
type FollowedAdr = AdrSummary & { reviewDate?: string };

/** What the records at one ref promise: the post-mortems' action items and the ADRs, with the texts read. */
export interface FollowUpRecords {
  actionItems: ActionItem[];
  adrs: FollowedAdr[];
  /** The decision log (`<adrs>/README.md`) as it is, when it exists. */
  decisionLog?: { path: string; text: string };
  /** Every record read, by path (for ticking rows and for the links of issue bodies). */
  texts: Map<string, string>;
}

/** The decision log's path: the README of the ADR directory. */
export const decisionLogPath = (layout: DataLayout) => `${layout.adrs}/README.md`;

/**
 * Reads the post-mortems and ADRs of a ref in two round trips (the two directories, then their
 * records): the source of the follow-up plan, the issue sync and the decision log.
 */
export async function readFollowUpRecords(
  view: FileView,
  ref: string,
  layout: DataLayout,
  /** The listing of both directories, when the caller already read it at `ref` (one round trip fewer). */
  listed?: RepositoryContents,
): Promise<FollowUpRecords> {
  const listing = listed ?? (await view.readContents(ref, { directories: [layout.incidents, layout.adrs] }));
  const under = (directory: string) => (listing.directories.get(directory) ?? []).map((name) => `${directory}/${name}`);
  const postMortems = recordFilesIn(under(layout.incidents), [layout.incidents]).sort();
  const adrPaths = recordFilesIn(under(layout.adrs), [layout.adrs]).sort();
  const logPath = decisionLogPath(layout);
  const hasLog = under(layout.adrs).includes(logPath);
  const wanted = [...postMortems, ...adrPaths, ...(hasLog ? [logPath] : [])];
  const contents = wanted.length > 0 ? await view.readContents(ref, { files: wanted }) : undefined;
  const texts = new Map<string, string>();
  for (const path of wanted) {
    const text = contents?.files.get(path)?.text;
    if (typeof text === "string") texts.set(path, text);
  }
  const actionItems = postMortems.flatMap((path) => (texts.has(path) ? readActionItems(path, texts.get(path)!) : []));
  const adrs = adrPaths.flatMap((path) => {
    const text = texts.get(path);
    if (text === undefined) return [];
    const reviewDate = adrReviewDate(text);
    return [{ ...readAdr(path, text), ...(reviewDate ? { reviewDate } : {}) }];
  });
  const logText = texts.get(logPath);
  return {
    actionItems,
    adrs,
    ...(logText !== undefined ? { decisionLog: { path: logPath, text: logText } } : {}),
    texts,
  };
}
