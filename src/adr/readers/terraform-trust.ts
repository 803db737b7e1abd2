import { clean, listed } from "./signal.js";
import type { ReadFile } from "./signal.js";

/**
 * Who may assume a role, as Terraform writes it in a trust policy. A role for a CI system's
 * OIDC tokens, or for another company's account behind an external ID, is a new way in that
 * outlives the change: what it may do is the policy's detail, that it may come in at all is the
 * decision. Roles for the cluster's own workloads (IRSA, `AssumeRoleWithWebIdentity` from the
 * cluster's issuer) are everyday plumbing and not read here.
 */
const ciIssuers: [name: string, pattern: RegExp][] = [
  ["GitHub Actions", /token\.actions\.githubusercontent\.com/],
  ["GitLab CI", /\bgitlab\.com(?::sub|:aud|\b)/],
  ["Terraform Cloud", /\bapp\.terraform\.io\b/],
  ["CircleCI", /\boidc\.circleci\.com\b/],
  ["Bitbucket Pipelines", /api\.bitbucket\.org\/2\.0\/workspaces\/[^"]*\/pipelines-config\/identity\/oidc/],
];

/** The trusts a file grants: each CI subject (`repo:org/app:*`), or each external-ID condition. */
function trustsIn(text: string | undefined): Map<string, string> {
  const cleaned = clean(text) ?? "";
  const trusts = new Map<string, string>();
  for (const [name, issuer] of ciIssuers) {
    if (!issuer.test(cleaned) || !/AssumeRoleWithWebIdentity|Federated/.test(cleaned)) continue;
    const subjects = [...cleaned.matchAll(/"((?:repo|project_path|organization):[^"\s]+)"/g)].map((match) => match[1]!);
    if (subjects.length === 0) trusts.set(`${name} OIDC`, `${name} (OIDC)`);
    for (const subject of subjects) trusts.set(`${name} ${subject}`, `${name} of \`${subject}\` (OIDC)`);
  }
  const externalIds = cleaned.match(/["']?sts:ExternalId["']?/g)?.length ?? 0;
  for (let index = 0; index < externalIds; index++)
    trusts.set(`external ${index}`, "another AWS account behind an external ID");
  return trusts;
}

export interface TrustChange {
  file: string;
  reason: string;
  technologies: string[];
}

/**
 * The trusts a change grants that were not granted before, per file of a deployed configuration
 * (a reusable module's own code is left to its callers, as for any resource it declares).
 */
export function newTrusts(files: readonly ReadFile[], isModuleCode: (path: string) => boolean): TrustChange[] {
  // A CI subject is compared over the whole change (a role moved between files is no new trust);
  // external IDs, which carry no name, are counted per file.
  const beforeByFile = new Map(files.map((file) => [file, trustsIn(file.before)] as const));
  const before = new Set(
    [...beforeByFile.values()].flatMap((trusts) => [...trusts.keys()].filter((key) => !key.startsWith("external "))),
  );
  const changes: TrustChange[] = [];
  for (const file of files) {
    if (isModuleCode(file.path)) continue;
    const hadBefore = beforeByFile.get(file)!;
    const granted = [...trustsIn(file.after)]
      .filter(([key]) => (key.startsWith("external ") ? !hadBefore.has(key) : !before.has(key)))
      .map(([, said]) => said);
    if (granted.length === 0) continue;
    changes.push({
      file: file.path,
      reason: `lets ${listed([...new Set(granted)], 2)} assume a role: a new way in for credentials`,
      technologies: ["terraform", "iam"],
    });
  }
  return changes;
}
