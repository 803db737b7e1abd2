import { braceDelta } from "../../text/hcl-code.js";
import { hclTopLevelBlocks, terraformJsonBlocks } from "../../text/hcl.js";
import { clean, difference, listed, reasonText, type ReadFile, type Signal } from "./signal.js";

/** What a Terraform / OpenTofu configuration declares, by block address. */
interface Declared {
  /** `resource.aws_db_instance.main`, `data.aws_iam_policy.x`, `module.network`, `provider.aws`. */
  blocks: Map<string, { file: string; source?: string }>;
  /** `moved { from = ..., to = ... }`: the same object under a new address (a refactor, not a decision). */
  moves: Map<string, string>;
  /** The state backend (`s3`, `gcs`, `cloud`...) and its settings, normalised; absent when none. */
  backend?: { file: string; kind: string; settings: string };
}

const header =
  /^\s*(?:(resource|data)\s+"([^"]+)"\s+"([^"]+)"|(module|provider|dependency)\s+"([^"]+)"|(terraform|moved)\s*\{)/;

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
  if (address === "moved") {
    const from = /^\s*from\s*=\s*([\w.\-[\]"]+)/m.exec(text)?.[1];
    const to = /^\s*to\s*=\s*([\w.\-[\]"]+)/m.exec(text)?.[1];
    // `aws_s3_bucket.logs[0]` -> `aws_s3_bucket.logs["a"]`: instances of one block, which keeps its address.
    const strip = (endpoint: string) => movedAddress(endpoint.replace(/\[.*$/, ""));
    if (from && to) into.moves.set(strip(from), strip(to));
    return;
  }
  if (address !== "terraform") {
    // A module's (or a Terragrunt unit's) source is part of what it is; a provider alias is another provider.
    const source = /^\s*source\s*=\s*"([^"]*)"/m.exec(body.slice(1).join("\n"))?.[1];
    const alias = address.startsWith("provider.") ? /^\s*alias\s*=\s*"([^"]+)"/m.exec(text)?.[1] : undefined;
    into.blocks.set(alias ? `${address}.${alias}` : address, { file, ...(source !== undefined ? { source } : {}) });
    return;
  }
  declaredInTerraformBlock(file, body, into);
}

/** The `terraform` block: a Terragrunt unit's module, the state backend, the required providers. */
function declaredInTerraformBlock(file: string, body: string[], into: Declared): void {
  const text = body.join("\n");
  // These patterns, not text/hcl.ts's `requiredProviders` and `attributeOf`, keep this reader's verdicts:
  // they stop at the first nested `}` and take a provider's own `source = ...` line for a unit's.
  // Terragrunt: terraform { source = "..." } is the module the unit deploys.
  const unitSource = /^\s*source\s*=\s*"([^"]*)"/m.exec(text)?.[1];
  if (unitSource !== undefined) into.blocks.set("terragrunt.source", { file, source: unitSource });
  // terraform { backend "s3" { ... } / cloud { ... } / required_providers { aws = { ... } } }
  const backend =
    /^\s*backend\s+"([^"]+)"\s*\{/m.exec(text)?.[1] ?? (/^\s*cloud\s*\{/m.test(text) ? "cloud" : undefined);
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
  const providers = /required_providers\s*\{([\s\S]*?)\n\s*\}/m.exec(text)?.[1] ?? "";
  for (const match of providers.matchAll(/^\s*([\w-]+)\s*=\s*\{/gm))
    into.blocks.set(`required_provider.${match[1]}`, { file });
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
  const into: Declared = { blocks: new Map(), moves: new Map() };
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

/** A decision found in the change: the file it is said on, why, and the technologies it names. */
interface Decision {
  file: string;
  reason: string;
  technologies: string[];
}

const typeOf = (address: string) => address.split(".")[1] ?? address;

/** Addresses grouped by the file that declares them, in the order first seen. */
function byFile(addresses: readonly string[], side: Declared): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const address of addresses) {
    const file = side.blocks.get(address)!.file;
    grouped.set(file, [...(grouped.get(file) ?? []), address]);
  }
  return grouped;
}

/** Blocks added and removed, per file; blocks renamed with `moved` blocks are the same objects, so neither. */
function addedAndRemoved(before: Declared, after: Declared): Decision[] {
  const renamedFrom = new Map(
    [...after.moves].filter(([, to]) => after.blocks.has(to)).map(([from, to]) => [to, from]),
  );
  const { added: rawAdded, removed: rawRemoved } = difference(before.blocks.keys(), after.blocks.keys());
  const added = rawAdded.filter(
    (address) => !(renamedFrom.has(address) && before.blocks.has(renamedFrom.get(address)!)),
  );
  const removed = rawRemoved.filter((address) => !after.moves.has(address));
  const decisions = (verb: string, addresses: string[], side: Declared) =>
    [...byFile(addresses, side)].map(([file, listedAddresses]) => ({
      file,
      reason: `${verb} ${listed(listedAddresses.map(describe))}`,
      technologies: ["terraform", ...listedAddresses.map(typeOf)],
    }));
  return [...decisions("adds", added, after), ...decisions("removes", removed, before)];
}

/** Modules (and Terragrunt units) whose source changed. */
function sourceChanges(before: Declared, after: Declared): Decision[] {
  const decisions: Decision[] = [];
  for (const [address, next] of after.blocks) {
    const previous = before.blocks.get(address);
    if (previous?.source !== undefined && next.source !== undefined && previous.source !== next.source)
      decisions.push({
        file: next.file,
        reason: `${describe(address)} now comes from ${next.source} (was ${previous.source})`,
        technologies: ["terraform", typeOf(address)],
      });
  }
  return decisions;
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
    },
  ];
}

/**
 * Terraform / OpenTofu / Terragrunt. A decision: a resource, data source, module or provider
 * added or removed, a module's source changed, the state backend changed. Attribute tweaks,
 * comments, formatting, variable values, and blocks moved between files (the whole change is
 * compared, not file by file) are not.
 *
 * Example: `resource "aws_db_instance" "main"` added -> "adds aws_db_instance.main"; its
 * `instance_class` changed -> not a decision.
 */
export function readTerraform(files: readonly ReadFile[]): Signal[] {
  const before = declared(files, "before");
  const after = declared(files, "after");
  const decisions = [
    ...addedAndRemoved(before, after),
    ...sourceChanges(before, after),
    ...backendChange(before, after, files),
  ];
  const signals: Signal[] = decisions.map(({ file, reason, technologies }) => ({
    file,
    decision: true,
    reason: reasonText(reason),
    technologies,
  }));
  const decided = new Set(decisions.map(({ file }) => file));
  for (const file of files) {
    if (decided.has(file.path)) continue;
    const reason = /\.tfvars(\.json)?$/.test(file.path)
      ? "variable values only"
      : file.status === "renamed"
        ? "moved; the same blocks"
        : "attributes, comments or layout only";
    signals.push({ file: file.path, decision: false, reason, technologies: ["terraform"] });
  }
  return signals;
}
