import type { Probot } from "probot";
import { sharedIdentity, type SelfIdentity } from "../markdown/ownership.js";

/**
 * Who the App is: its bot account `<slug>[bot]`, read once per process with the App's own token
 * (GET /app). Only the App writes as that account, so what carries our marker and was written by
 * it is ours (src/markdown/ownership.ts). Until it is known (GET /app failed), the App takes the
 * shared rule: a bot, and the marker's fingerprint must match what it wrote.
 */
let identity: (() => Promise<SelfIdentity>) | undefined;

export function learnAppIdentity(app: Pick<Probot, "auth" | "log">): void {
  let known: Promise<SelfIdentity> | undefined;
  identity = () =>
    (known ??= app
      .auth()
      .then((octokit) => octokit.request("GET /app"))
      .then(({ data }): SelfIdentity => ({ login: `${data?.slug ?? ""}[bot]`, exclusive: Boolean(data?.slug) }))
      .catch((error: unknown) => {
        known = undefined;
        app.log.warn(
          `could not read the App's own account (GET /app): ${String(error)}; the shared ownership rule applies`,
        );
        return sharedIdentity;
      }));
}

/** The App's identity, or the shared rule when the App was not started through `ctoCopilotApp`. */
export const appIdentity = (): Promise<SelfIdentity> => identity?.() ?? Promise.resolve(sharedIdentity);
