import { posix } from "node:path";

/** What a push event says about itself: where it went and the paths its commits touched. */
export interface PushFacts {
  ref: string;
  defaultBranch: string;
  /** Undefined when the event does not list them: any file may have changed. */
  changedPaths: readonly string[] | undefined;
}

export type PushDecision = { sync: true } | { sync: false; reason: string };

/** The debt file's name is fixed; only its directory moves with the config's `dataDir`. */
const debtFileName = "tech_debt.json";

/**
 * Whether a push can have changed the debt file, decided before anything is read: the debt
 * issues follow the default branch, and a push that touches no file of the debt file's name
 * cannot have changed it wherever `dataDir` puts it, so it costs no request.
 */
export function debtSyncForPush(push: PushFacts): PushDecision {
  if (push.ref !== `refs/heads/${push.defaultBranch}`)
    return { sync: false, reason: `Debt issues follow ${push.defaultBranch}; this push is to ${push.ref}.` };
  if (push.changedPaths && !push.changedPaths.some((path) => posix.basename(path) === debtFileName))
    return { sync: false, reason: `This push does not change ${debtFileName}: the debt issues are left as they are.` };
  return { sync: true };
}

/** Once the config is read: whether the push changed the debt file where the config puts it. */
export function pushChangesDebtFile(changedPaths: readonly string[], debtFile: string): boolean {
  return changedPaths.includes(debtFile);
}

/** Every path a push's commits added, modified or removed. */
export function pathsOfPush(commits: readonly { added?: string[]; modified?: string[]; removed?: string[] }[]) {
  return commits.flatMap((commit) => [...(commit.added ?? []), ...(commit.modified ?? []), ...(commit.removed ?? [])]);
}
