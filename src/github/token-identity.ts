import { sharedIdentity, type SelfIdentity } from "../markdown/ownership.js";
import type { GitHubClient } from "./client.js";

/** Who an identity reader says we are, made once per gateway. */
export type IdentityReader = () => Promise<SelfIdentity>;

/**
 * Who a token writes as, where the App's own identity is not at hand (the Action, the CLI): a
 * person's token (GET /user answers) writes as that person, who also writes by hand; a
 * workflow's GITHUB_TOKEN or an installation token cannot ask (GET /user is refused) and writes
 * as a bot other workflows share. Either way the identity is shared, so what we wrote must match
 * its fingerprint (src/markdown/ownership.ts).
 */
export function tokenIdentity(client: GitHubClient): IdentityReader {
  let known: Promise<SelfIdentity> | undefined;
  return () =>
    (known ??= client
      .request("GET /user")
      .then(({ data }): SelfIdentity => ({ login: data.login, exclusive: false }))
      .catch((error: { status?: number }) => {
        if (error.status === 401 || error.status === 403 || error.status === 404) return sharedIdentity;
        known = undefined;
        throw error;
      }));
}
