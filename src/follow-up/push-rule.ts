/** What a push says about itself: where it went and the paths its commits touched. */
interface PushFacts {
  ref: string;
  defaultBranch: string;
  /** Undefined when the event does not list them: any file may have changed. */
  changedPaths: readonly string[] | undefined;
}

/**
 * Whether a push can have changed a post-mortem or an ADR, decided before anything is read: the
 * follow-up follows the default branch, and both are Markdown files, so a push that touches no
 * `.md` file costs no request (where the config puts them is checked once it is read).
 */
export function followUpForPush(push: PushFacts): { sync: true } | { sync: false; reason: string } {
  if (push.ref !== `refs/heads/${push.defaultBranch}`)
    return { sync: false, reason: `Follow-up issues follow ${push.defaultBranch}; this push is to ${push.ref}.` };
  if (push.changedPaths && !push.changedPaths.some((path) => path.toLowerCase().endsWith(".md")))
    return {
      sync: false,
      reason: "This push changes no post-mortem and no ADR: the follow-up issues are left as they are.",
    };
  return { sync: true };
}
