import { braceDelta } from "../../text/hcl-code.js";
import { hclTopLevelBlocks, terraformJsonBlocks } from "../../text/hcl.js";
import { clean, difference, listed, reasonText, type ReadFile, type Signal } from "./signal.js";
import { newTrusts } from "./terraform-trust.js";
import { allowedMajors, engineMajorChanges, isSupporting, majorsText, optInFlag } from "./terraform-weight.js";

/** What a Terraform / OpenTofu configuration declares, by block address. */
interface Declared {
  /** `resource.aws_db_instance.main`, `data.aws_iam_policy.x`, `module.network`, `provider.aws`. */
  blocks: Map<string, { file: string; source?: string; flag?: string; version?: string }>;
  /** `import { to = ... }`: existing objects adopted under these addresses (not created). */
  imports: Set<string>;
  /** Required providers' version constraints, by provider name, with the file that says so. */
  providerVersions: Map<string, { file: string; version: string }[]>;
  /** `required_version`: the Terraform (or OpenTofu) releases the configuration runs on, with the file that says so. */
  toolchainVersions: { file: string; version: string }[];
  /** `moved { from = ..., to = ... }`: the same object under a new address (a refactor, not a decision). */
  moves: Map<string, string>;
  /** The state backend (`s3`, `gcs`, `cloud`...) and its settings, normalised; absent when none. */
  backend?: { file: string; kind: string; settings: string };
}

const header =
  /^\s*(?:(resource|data)\s+"([^"]+)"\s+"([^"]+)"|(module|provider|dependency)\s+"([^"]+)"|(terraform|moved|import)\s*\{)/;

/** A header line's block address: `resource.aws_db_instance.main`, `module.network`, `terraform`, `moved`... */
function addressOf(line: string): string | undefined {
  const match = header.exec(line);
  if (!match) return undefined;
  if (match[1]) return `${match[1]}.${match[2]}.${match[3]}`;
  return match[4] ? `${match[4]}.${match[5]}` : match[6];
}

/**
 * The blocks of an HCL file. Attribute values, comments and layout are not part of a block's
 * identity. Unlike discovery, heredocs are read as code and a stray `}` is counted: the verdicts
 * on changes stay what they were (reading them differently would be a change of its own).
 */
function declaredInHcl(file: string, text: string, into: Declared): void {
  const reading = { header: addressOf, heredocs: "read", strayBraces: "count" } as const;
  for (const { header: address, lines } of hclTopLevelBlocks(text, reading)) finish(file, address, lines, into);
}

/** A `moved` endpoint as a block address: `aws_s3_bucket.logs` -> `resource.aws_s3_bucket.logs`; `module.x` stays. */
const movedAddress = (endpoint: string) => (/^(module|data)\./.test(endpoint) ? endpoint : `resource.${endpoint}`);

function finish(file: string, address: string, body: string[], into: Declared): void {
  const text = body.join("\n");
  if (address === "import") {
    const to = /^[ \t]*to\s*=\s*([\w.\-[\]"]+)/m.exec(text)?.[1];
    if (to) into.imports.add(movedAddress(to.replace(/\[.*$/, "")));
    return;
  }
  if (address === "moved") {
    const from = /^[ \t]*from\s*=\s*([\w.\-[\]"]+)/m.exec(text)?.[1];
    const to = /^[ \t]*to\s*=\s*([\w.\-[\]"]+)/m.exec(text)?.[1];
    // `aws_s3_bucket.logs[0]` -> `aws_s3_bucket.logs["a"]`: instances of one block, which keeps its address.
    const strip = (endpoint: string) => movedAddress(endpoint.replace(/\[.*$/, ""));
    if (from && to) into.moves.set(strip(from), strip(to));
    return;
  }
  if (address !== "terraform") {
    // A module's (or a Terragrunt unit's) source is part of what it is; a provider alias is another provider.
    const source = /^[ \t]*source\s*=\s*"([^"]*)"/m.exec(body.slice(1).join("\n"))?.[1];
    const alias = address.startsWith("provider.") ? /^[ \t]*alias\s*=\s*"([^"]+)"/m.exec(text)?.[1] : undefined;
    const flag = optInFlag(text);
    // A registry module's release (`version = "18.31.2"`), written directly in the block.
    const version = address.startsWith("module.") ? attributeAtDepth(body, "version", 1) : undefined;
    into.blocks.set(alias ? `${address}.${alias}` : address, {
      file,
      ...(source !== undefined ? { source } : {}),
      ...(flag !== undefined ? { flag } : {}),
      ...(version !== undefined ? { version } : {}),
    });
    return;
  }
  declaredInTerraformBlock(file, body, into);
}

/** The `terraform` block: a Terragrunt unit's module, the state backend, the required providers. */
function declaredInTerraformBlock(file: string, body: string[], into: Declared): void {
  const text = body.join("\n");
  // Terragrunt: terraform { source = "..." } is the module the unit deploys (a provider's `source` is not).
  const unitSource = /(^|\/)terragrunt\.hcl$/.test(file) ? attributeAtDepth(body, "source", 1) : undefined;
  if (unitSource !== undefined) into.blocks.set("terragrunt.source", { file, source: unitSource });
  // terraform { backend "s3" { ... } / cloud { ... } / required_providers { aws = { ... } } }
  const backend =
    /^[ \t]*backend\s+"([^"]+)"\s*\{/m.exec(text)?.[1] ?? (/^[ \t]*cloud\s*\{/m.test(text) ? "cloud" : undefined);
  if (backend) {
    const start = body.findIndex((line) => /^\s*(backend\s+"|cloud\s*\{)/.test(line));
    let depth = 0;
    const settings: string[] = [];
    for (const line of body.slice(start)) {
      settings.push(line.replace(/\s+/g, ""));
      depth += braceDelta(line);
      if (depth <= 0) break;
    }
    into.backend = { file, kind: backend, settings: settings.join("") };
  }
  const toolchain = attributeAtDepth(body, "required_version", 1);
  if (toolchain !== undefined) into.toolchainVersions.push({ file, version: toolchain });
  for (const [name, version] of requiredProviderVersions(body)) {
    into.blocks.set(`required_provider.${name}`, { file });
    if (version !== undefined)
      into.providerVersions.set(name, [...(into.providerVersions.get(name) ?? []), { file, version }]);
  }
}

/** A string attribute written directly in a block (`depth` 1), not in a nested one. */
function attributeAtDepth(body: string[], name: string, wanted: number): string | undefined {
  let depth = 0;
  for (const line of body) {
    if (depth === wanted) {
      const value = new RegExp(`^\\s*${name}\\s*=\\s*"([^"]*)"`).exec(line)?.[1];
      if (value !== undefined) return value;
    }
    depth += braceDelta(line);
  }
  return undefined;
}

/** `required_providers { google = { source = "...", version = ">= 6, < 8" } }`: each provider and its constraint, nested braces and all. */
function requiredProviderVersions(body: string[]): Map<string, string | undefined> {
  const providers = new Map<string, string | undefined>();
  let depth = 0;
  let current: string | undefined;
  for (const line of body) {
    if (depth === 0) {
      if (/^\s*required_providers\s*\{/.test(line)) depth = braceDelta(line);
      continue;
    }
    const entry = depth === 1 ? /^\s*([\w-]+)\s*=\s*(?:(\{)|"([^"]*)")?/.exec(line) : undefined;
    if (entry) {
      current = entry[1]!;
      // Terraform 0.12's shorthand `aws = "~> 2.49"` is the version constraint itself.
      providers.set(current, entry[3]);
    }
    const version = current !== undefined ? /\bversion\s*=\s*"([^"]*)"/.exec(line)?.[1] : undefined;
    if (version !== undefined && current !== undefined) providers.set(current, version);
    depth += braceDelta(line);
    if (depth <= 0) break;
  }
  return providers;
}

/** `.tf.json`: the same blocks, in JSON syntax. */
function declaredInJson(file: string, text: string, into: Declared): void {
  for (const { kind, type, name, attributes } of terraformJsonBlocks(text)) {
    if (kind === "resource" || kind === "data") into.blocks.set(`${kind}.${type}.${name}`, { file });
    else if (kind === "provider") into.blocks.set(`provider.${name}`, { file });
    else if (kind === "module") {
      const source = attributes.source;
      into.blocks.set(`module.${name}`, { file, ...(typeof source === "string" ? { source } : {}) });
    }
  }
}

function declared(files: readonly ReadFile[], side: "before" | "after"): Declared {
  const into: Declared = {
    blocks: new Map(),
    moves: new Map(),
    imports: new Set(),
    providerVersions: new Map(),
    toolchainVersions: [],
  };
  for (const file of files) {
    const text = clean(file[side]);
    const path = side === "before" ? (file.previousPath ?? file.path) : file.path;
    if (text === undefined || /\.tfvars(\.json)?$/.test(path)) continue;
    if (path.endsWith(".json")) declaredInJson(file.path, text, into);
    else declaredInHcl(file.path, text, into);
  }
  return into;
}

const describe = (address: string) =>
  address === "terragrunt.source"
    ? "the Terragrunt unit's module"
    : address.startsWith("required_provider.")
      ? `provider ${address.slice(18)}`
      : address.replace(/^(resource|data)\./, (_, kind: string) => (kind === "data" ? "data source " : ""));

/** What the change does, found in it: the file it is said on, why, the technologies it names, whether it is a decision. */
interface Decision {
  file: string;
  reason: string;
  technologies: string[];
  decision: boolean;
}

const typeOf = (address: string) => address.split(".")[1] ?? address;

/** Code of a reusable module (`modules/x/`, `shared-modules/x/`): what it declares is its callers' decision to use. */
const inModuleCode = (path: string) =>
  path
    .split("/")
    .slice(0, -1)
    .some((segment) => /^(?:[\w-]*[-_])?modules?$/.test(segment));

const directoryOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf("/")));

/**
 * Why an added or removed block is not a decision, or undefined when it is one: data sources
 * read what exists, provider blocks configure, imports adopt, supporting resources support,
 * and a module's own code (or an opt-in flag) is its users' decision.
 */
function notADecision(
  address: string,
  side: Declared,
  adopted: boolean,
  reusable: ReadonlySet<string>,
): string | undefined {
  const file = side.blocks.get(address)!.file;
  if (adopted) return "imports existing objects";
  if (address.startsWith("data.")) return "reads existing objects";
  if (address.startsWith("provider.")) return "configures a provider";
  // Declaring a provider is not using it (a module library declares what its users configure): a
  // configuration adopts (or drops) a vendor when it also configures it, with a `provider` block.
  if (address.startsWith("required_provider.") && !side.blocks.has(`provider.${address.slice(18)}`))
    return "a provider requirement only, not configured here";
  if (inModuleCode(file) || reusable.has(directoryOf(file))) return "inside a reusable module (its users decide)";
  const flag = side.blocks.get(address)!.flag;
  if (flag !== undefined && address.startsWith("resource.")) return `opt-in behind ${flag}`;
  if (address.startsWith("resource.") && isSupporting(typeOf(address))) return "supporting resources only";
  return undefined;
}

/** Blocks added and removed, per file and verdict; blocks renamed with `moved` blocks are the same objects, so neither. */
function addedAndRemoved(before: Declared, after: Declared, reusable: ReadonlySet<string>): Decision[] {
  const movedTargets = new Set(after.moves.values());
  const { added: rawAdded, removed: rawRemoved } = difference(before.blocks.keys(), after.blocks.keys());
  const added = rawAdded.filter((address) => !movedTargets.has(address));
  const removed = rawRemoved.filter((address) => !after.moves.has(address));
  const found: Decision[] = [];
  const judge = (verb: string, addresses: string[], side: Declared) => {
    const grouped = new Map<string, string[]>();
    for (const address of addresses) {
      const why = notADecision(address, side, verb === "adds" && after.imports.has(address), reusable) ?? "";
      const key = `${side.blocks.get(address)!.file}\n${why}`;
      grouped.set(key, [...(grouped.get(key) ?? []), address]);
    }
    for (const [key, listedAddresses] of grouped) {
      const [file, why] = key.split("\n") as [string, string];
      found.push({
        file,
        reason: `${verb} ${listed(listedAddresses.map(describe))}${why ? `: ${why}` : ""}`,
        technologies: ["terraform", ...listedAddresses.map(typeOf)],
        decision: why === "",
      });
    }
  };
  judge("adds", added, after);
  judge("removes", removed, before);
  return found;
}

/** Every Terraform file of a module directory removed: the module is gone, and its users must move. */
function modulesRemoved(files: readonly ReadFile[]): Decision[] {
  const byDirectory = new Map<string, ReadFile[]>();
  for (const file of files) {
    const directory = directoryOf(file.previousPath ?? file.path);
    if (inModuleCode(file.previousPath ?? file.path) && /\.tf$/.test(file.path))
      byDirectory.set(directory, [...(byDirectory.get(directory) ?? []), file]);
  }
  return [...byDirectory]
    .filter(([, inDirectory]) => inDirectory.every((file) => file.after === undefined))
    .filter(([, inDirectory]) => inDirectory.some((file) => /(^|\/)(main|versions)\.tf$/.test(file.path)))
    .map(([directory, inDirectory]) => ({
      file: inDirectory[0]!.path,
      reason: `removes the module ${directory}: its users must move to another`,
      technologies: ["terraform", directory.split("/").pop()!],
      decision: true,
    }));
}

const isLocalPath = (source: string) => /^\.{1,2}\//.test(source);

/** A source's origin and the release it pins: `github.com/org/x?ref=1.9.0` -> origin without the ref, and `1.9.0`. */
function originAndRef(source: string): { origin: string; ref?: string } {
  const match = /^(.*?)[?&]ref=([^&]+)(.*)$/.exec(source);
  return match ? { origin: `${match[1]}${match[3]}`, ref: match[2]! } : { origin: source };
}

/** The major of a release (`v18.31.2` -> 18; `0.9.0` -> 0.9, each 0.x minor its own line), or undefined for a branch or a commit. */
function releaseMajor(release: string | undefined): string | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(release?.trim().replace(/^[=~>< ]+/, "") ?? "");
  if (!match) return undefined;
  return match[1] === "0" ? `0.${match[2]}` : match[1]!;
}

/**
 * Modules (and Terragrunt units) whose source changed. Another origin is a decision; one local
 * path for another is code moved; the same origin at another release (`?ref=1.8.2` -> `?ref=1.9.0`,
 * or `version = "17.24.0"` -> `"18.31.2"`) is an upgrade, a decision only across a major.
 */
function sourceChanges(before: Declared, after: Declared): Decision[] {
  const decisions: Decision[] = [];
  for (const [address, next] of after.blocks) {
    const previous = before.blocks.get(address);
    if (previous === undefined) continue;
    const technologies = ["terraform", typeOf(address)];
    if (previous.source !== undefined && next.source !== undefined && previous.source !== next.source) {
      const from = originAndRef(previous.source);
      const to = originAndRef(next.source);
      if (from.origin === to.origin) decisions.push(releaseChange(address, next.file, from.ref, to.ref, technologies));
      else
        decisions.push({
          file: next.file,
          reason: `${describe(address)} now comes from ${next.source} (was ${previous.source})`,
          technologies,
          decision: !(isLocalPath(previous.source) && isLocalPath(next.source)),
        });
    } else if (previous.version !== undefined && next.version !== undefined && previous.version !== next.version)
      decisions.push(releaseChange(address, next.file, previous.version, next.version, technologies));
  }
  return decisions;
}

function releaseChange(address: string, file: string, from = "", to = "", technologies: string[]): Decision {
  const [fromMajor, toMajor] = [releaseMajor(from), releaseMajor(to)];
  const major = fromMajor !== undefined && toMajor !== undefined && fromMajor !== toMajor;
  return {
    file,
    reason: major
      ? `${describe(address)} major ${fromMajor} -> ${toMajor} (${from} -> ${to})`
      : `${describe(address)} ${from || "unpinned"} -> ${to || "unpinned"}: the same module, not a new major`,
    technologies,
    decision: major,
  };
}

type Pin = { file: string; version: string };
type LinesChange = { file: string; from: { from: number; to: number }; to: { from: number; to: number } };

/**
 * Pins whose allowed release lines changed, either end: a ceiling lifted (`< 7` -> `< 8`) lets the
 * next major in; a floor raised to a new major (`>= 4.65` -> `>= 5.0`) makes every user move to
 * it. A floor raised inside one major (`>= 5.1` -> `>= 5.40`) is housekeeping.
 */
function linesChanged(old: readonly Pin[], pins: readonly Pin[]): LinesChange[] {
  return pins.flatMap((pin) => {
    const previous = old.find((candidate) => candidate.file === pin.file) ?? (old.length === 1 ? old[0] : undefined);
    const from = previous && allowedMajors(previous.version);
    const to = allowedMajors(pin.version);
    return from && to && (from.from !== to.from || from.to !== to.to) ? [{ file: pin.file, from, to }] : [];
  });
}

function linesDecision(subject: string, changed: LinesChange[], technology: string): Decision {
  const files = changed.map((change) => change.file);
  return {
    file: files[0]!,
    reason: `${subject} ${majorsText(changed[0]!.from)} -> ${majorsText(changed[0]!.to)}${files.length > 1 ? ` (in ${listed(files, 2)})` : ""}`,
    technologies: ["terraform", technology],
    decision: true,
  };
}

/** Required providers and the Terraform release itself moved to other major lines: every configuration using them meets the new one. */
function providerMajors(before: Declared, after: Declared): Decision[] {
  const decisions: Decision[] = [];
  for (const [name, pins] of after.providerVersions) {
    const changed = linesChanged(before.providerVersions.get(name) ?? [], pins);
    if (changed.length > 0) decisions.push(linesDecision(`provider ${name} majors`, changed, name));
  }
  const toolchain = linesChanged(before.toolchainVersions, after.toolchainVersions);
  if (toolchain.length > 0) decisions.push(linesDecision("Terraform release lines", toolchain, "terraform"));
  return decisions;
}

/** Datastore engines moved to another major in place (`engine_version = "13"` -> `"14.18"`). */
function engineMajors(files: readonly ReadFile[]): Decision[] {
  return files.flatMap((file) => {
    if (file.before === undefined || file.after === undefined) return [];
    const changes = engineMajorChanges(clean(file.before)!, clean(file.after)!);
    return changes.length > 0
      ? [
          {
            file: file.path,
            reason: `datastore engine major: ${listed(changes, 3)}`,
            technologies: ["terraform", "database"],
            decision: true,
          },
        ]
      : [];
  });
}

/** Attribute values that are a lone interpolation (`= "${var.name}"`): Terraform 0.11 syntax, redundant since 0.12. */
const interpolationOnly = /=\s*"\$\{[^"{}]*\}"\s*$/gm;
const lonePlaceholders = (text: string | undefined) => (clean(text) ?? "").match(interpolationOnly)?.length ?? 0;

/**
 * A configuration rewritten in Terraform 0.12's language (HCL2): most of its `"${...}"` values
 * become bare expressions at once. It no longer runs on 0.11, so every user must upgrade.
 */
function hcl2Rewrite(files: readonly ReadFile[]): Decision[] {
  const code = files.filter((file) => /\.tf$/.test(file.path) && file.before !== undefined && file.after !== undefined);
  const before = code.reduce((sum, file) => sum + lonePlaceholders(file.before), 0);
  const after = code.reduce((sum, file) => sum + lonePlaceholders(file.after), 0);
  if (before < 10 || after > before / 5) return [];
  const largest = code.reduce((best, file) =>
    lonePlaceholders(file.before) > lonePlaceholders(best.before) ? file : best,
  );
  return [
    {
      file: largest.path,
      reason: `rewritten in Terraform 0.12 syntax (${before - after} \`"\${...}"\` values made bare expressions): it needs Terraform 0.12 or newer`,
      technologies: ["terraform"],
      decision: true,
    },
  ];
}

/** The state backend's kind or settings changed; said on the file that declares it. */
function backendChange(before: Declared, after: Declared, files: readonly ReadFile[]): Decision[] {
  if (before.backend?.kind === after.backend?.kind && before.backend?.settings === after.backend?.settings) return [];
  return [
    {
      file: after.backend?.file ?? before.backend?.file ?? files[0]!.path,
      reason:
        before.backend?.kind === after.backend?.kind
          ? `changes the ${after.backend!.kind} state backend's settings`
          : `state backend ${before.backend?.kind ?? "local"} -> ${after.backend?.kind ?? "local"}`,
      technologies: ["terraform", after.backend?.kind ?? before.backend?.kind ?? "state"],
      decision: true,
    },
  ];
}

/**
 * Terraform / OpenTofu / Terragrunt. A decision: a resource that others must live with (a
 * datastore, a cluster, a network, a workload), a module or provider added or removed in a
 * configuration that is deployed; a reusable module removed; a module's source changed to
 * another origin; a provider's allowed majors changed; a datastore engine's major changed; the
 * state backend changed. Not decisions: supporting resources (policies, alarms, logs, parameter
 * groups, bucket settings, records), data sources, imports (adoption) and `moved` blocks, what a
 * reusable module's own code adds (its users decide), attribute tweaks, comments, formatting,
 * variable values, blocks moved between files (the whole change is compared, not file by file).
 *
 * Example: `resource "aws_db_instance" "main"` added -> "adds aws_db_instance.main"; its
 * `instance_class` changed -> not a decision.
 */
export function readTerraform(
  files: readonly ReadFile[],
  reusableModuleDirectories: ReadonlySet<string> = new Set(),
): Signal[] {
  const before = declared(files, "before");
  const after = declared(files, "after");
  // Variable values set in the same change: what it adds is turned on and deployed, whatever the directory.
  const setsValues = files.some((file) => /\.tfvars(\.json)?$/.test(file.path));
  const reusable = setsValues ? new Set<string>() : reusableModuleDirectories;
  const removedModules = modulesRemoved(files);
  const found = [
    ...addedAndRemoved(before, after, reusable).filter(
      (change) => !removedModules.some((removal) => directoryOf(change.file) === directoryOf(removal.file)),
    ),
    ...removedModules,
    ...sourceChanges(before, after),
    ...providerMajors(before, after),
    ...engineMajors(files),
    ...backendChange(before, after, files),
    ...hcl2Rewrite(files),
    ...newTrusts(files, (path) => inModuleCode(path) || reusable.has(directoryOf(path))).map((trust) => ({
      ...trust,
      decision: true,
    })),
  ];
  const signals: Signal[] = found.map(({ file, reason, technologies, decision }) => ({
    file,
    decision,
    reason: reasonText(reason),
    technologies,
  }));
  const said = new Set(found.map(({ file }) => file));
  for (const file of files) {
    if (said.has(file.path)) continue;
    const reason = /\.tfvars(\.json)?$/.test(file.path)
      ? "variable values only"
      : file.status === "renamed"
        ? "moved; the same blocks"
        : "attributes, comments or layout only";
    signals.push({ file: file.path, decision: false, reason, technologies: ["terraform"] });
  }
  return signals;
}
