import type { TechStack } from "../schemas/tech-stack.js";
import { assembleStack } from "./assemble.js";
import { deploymentCountText, deploymentFrequencyText, deploymentSourceWords } from "./deployment-frequency.js";
import { detectCi } from "./detectors/ci.js";
import { detectCloudTemplates } from "./detectors/cloud-templates.js";
import { detectContainers } from "./detectors/containers.js";
import { detectDatabaseConfig } from "./detectors/database-config.js";
import { detectLanguages } from "./detectors/languages.js";
import { detectFromManifests } from "./detectors/manifests.js";
import { detectPlatforms } from "./detectors/platforms.js";
import { detectFromPresence } from "./detectors/presence.js";
import { detectTerraform } from "./detectors/terraform.js";
import { detectWorkspaces } from "./detectors/workspaces.js";
import { selectEvidenceFiles } from "./evidence-files.js";
import type { FilesByDirectory } from "./files-by-directory.js";
import { Findings } from "./findings.js";
import { questionsFor } from "./questions.js";
import { repositoryOf } from "./repository.js";
import { stageName, stageOf } from "./stage.js";
import { codeOwners, codeOwnersLocations } from "./team/code-owners.js";
import { countPeople } from "./team/headcount.js";

/** One commit's author as git records it (before .mailmap); `login` when the source knows the GitHub account. */
export interface CommitAuthor {
  name: string;
  email: string;
  login?: string;
}

/** What discovery reads: a file listing, the texts of the files it chose, and history facts. */
export interface DiscoveryInput {
  /** Every file of the repository at the ref, by directory (`filesByDirectory` makes it of paths). */
  files: FilesByDirectory;
  /** Texts of the files `evidenceFilesOf(files)` chose; one missing here could not be read (binary, too large). */
  contents: ReadonlyMap<string, string>;
  /** Authors of the commits in the window on the default branch, one entry per commit. */
  history?: { windowDays: number; commits: readonly CommitAuthor[]; truncated?: boolean };
  /** Deployments the DORA engine counted in the window, when its source had any. */
  deployments?: { count: number; windowDays: number; source: string };
  now: Date;
}

/** Why a value was written: the file it came from and what in it said so. */
export interface Evidence {
  /** Dotted path into tech_stack.json, e.g. `stack.backend.framework`. */
  field: string;
  value: string;
  source: string;
  reason: string;
}

export interface Discovery {
  techStack: TechStack;
  evidence: Evidence[];
  /** What the repository cannot tell, in the prompt's words. */
  questions: string[];
}

/**
 * The files discovery needs to read among `files` (manifests, configs, CI files...), bounded in
 * number: at most `maxEvidenceFiles` (300, six GraphQL batches of 50), closest to the root
 * first, then by path. Vendored, generated, test, example and docs trees are skipped; lockfiles
 * and `.env` are never read.
 */
export function evidenceFilesOf(files: FilesByDirectory): string[] {
  return selectEvidenceFiles(files);
}

/** `scheme://user:secret@host` anywhere in a text becomes `scheme://host`. */
const redactUrls = (text: string) => text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s"']*@/gi, "$1");

/**
 * The tech_stack.json the repository shows, with the evidence of every value and the open questions.
 *
 *  1. Sort the listing into kinds: manifests, configs, CI files, source files (one pass).
 *  2. Read every manifest: frameworks, databases, job queues, observability, cloud SDKs.
 *  3. Weigh the backend languages by the source files under backend manifests.
 *  4. Read what else names the stack: database configs, hosting configs, containers and
 *     Kubernetes, Terraform, CloudFormation / Serverless / Pulumi / Bicep, CI pipelines.
 *  5. Assemble the stack: each field's values heaviest first, each with its evidence.
 *  6. Count the people in the commit history (bots out, .mailmap applied) for the headcount
 *     and the stage; CODEOWNERS is cited as evidence.
 *  7. Deployment frequency from the deployments the DORA engine counted; never guessed.
 *  8. Ask what the repository cannot tell.
 */
export function discoverStack(input: DiscoveryInput): Discovery {
  const repo = repositoryOf(input.files, input.contents);
  const findings = new Findings();
  const manifests = detectFromManifests(repo, findings);
  detectLanguages(repo, manifests, findings);
  detectWorkspaces(repo, manifests, findings);
  detectDatabaseConfig(repo, findings);
  detectFromPresence(repo, findings);
  detectPlatforms(repo, findings);
  detectContainers(repo, findings);
  detectTerraform(repo, findings);
  detectCloudTemplates(repo, findings);
  detectCi(repo, findings);
  const { stack, evidence, containersOnly } = assembleStack(findings);

  let team: TechStack["team"];
  let maturityStage: TechStack["maturityStage"];
  const mailmap = repo.files("mailmap")[0];
  const people = input.history
    ? countPeople(input.history.commits, mailmap ? repo.text(mailmap) : undefined).people
    : 0;
  if (input.history && people > 0) {
    const window = input.history.windowDays;
    const said = `${input.history.truncated ? "at least " : ""}${people} ${people === 1 ? "person" : "people"} committed in the last ${window} days (bots excluded${mailmap ? ", .mailmap applied" : ""})`;
    const source = `commit history (default branch, last ${window} days)`;
    const { stage, range } = stageOf(people);
    team = { headcount: people, roles: [] };
    maturityStage = stage;
    evidence.push({ field: "team.headcount", value: String(people), source, reason: said });
    evidence.push({ field: "maturityStage", value: stage, source, reason: `${said}: ${stageName(stage)} is ${range}` });
  } else {
    // Without history the headcount is unknown: `team` (whose headcount is required) is left
    // out, and the stage is the format's default, said to be a guess. A window no person
    // committed in (a dormant repository, a mirror) says nothing of the team either: "0
    // engineers, Survival" would be a figure no one could believe.
    maturityStage = "foundation";
    const quiet = input.history
      ? `no person committed on the default branch in the last ${input.history.windowDays} days`
      : "no commit history was read";
    evidence.push({
      field: "maturityStage",
      value: maturityStage,
      source: input.history
        ? `commit history (default branch, last ${input.history.windowDays} days)`
        : "no commit history",
      reason: `a guess: ${quiet}, so the headcount is unknown; Foundation is the format's default`,
    });
  }
  const ownersFile = codeOwnersLocations.find((path) => repo.files("codeowners").includes(path));
  const owners = ownersFile ? codeOwners(repo.text(ownersFile) ?? "") : [];
  if (ownersFile && owners.length > 0)
    evidence.push({
      field: "team.codeOwners",
      value: owners.join(", "),
      source: ownersFile,
      reason: `${owners.length} owner${owners.length === 1 ? "" : "s"} named in ${ownersFile}`,
    });

  if (input.deployments) {
    stack.cicd!.deploymentFrequency = deploymentFrequencyText(input.deployments);
    evidence.push({
      field: "stack.cicd.deploymentFrequency",
      value: stack.cicd!.deploymentFrequency,
      source: deploymentSourceWords(input.deployments.source),
      reason: deploymentCountText(input.deployments),
    });
  }

  const techStack: TechStack = {
    version: "1.0",
    lastUpdated: input.now.toISOString().slice(0, 10),
    maturityStage,
    stack,
    ...(team ? { team } : {}),
    constraints: { monthlyInfraBudget: null, complianceRequirements: [], hardConstraints: [] },
    painPoints: [],
    recentDecisions: [],
  };
  const questions = questionsFor(techStack, { headcountUnknown: team === undefined, containersOnly });
  // Evidence is shown in pull requests: whatever a detector quoted, no URL keeps its credentials.
  const redacted = evidence.map((item) => ({
    ...item,
    value: redactUrls(item.value),
    reason: redactUrls(item.reason),
  }));
  return { techStack, evidence: redacted, questions };
}
