import { braceDelta, hclCodeLines } from "../../text/hcl-code.js";
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

/**
 * The blocks of an HCL file: a top-level block opens at depth 0, its body runs to the brace
 * that closes it. Attribute values, comments and layout are not part of a block's identity.
 */
function declaredInHcl(file: string, text: string, into: Declared): void {
  const lines = hclCodeLines(text);
  let depth = 0;
  let current: { address: string; body: string[] } | undefined;
  for (const line of lines) {
    if (depth === 0) {
      const resource = /^\s*(resource|data)\s+"([^"]+)"\s+"([^"]+)"/.exec(line);
      const module = /^\s*module\s+"([^"]+)"/.exec(line);
      const provider = /^\s*provider\s+"([^"]+)"/.exec(line);
      const dependency = /^\s*dependency\s+"([^"]+)"/.exec(line);
      const address = resource
        ? `${resource[1]}.${resource[2]}.${resource[3]}`
        : module
          ? `module.${module[1]}`
          : provider
            ? `provider.${provider[1]}`
            : dependency
              ? `dependency.${dependency[1]}`
              : /^\s*terraform\s*\{/.test(line)
                ? "terraform"
                : /^\s*moved\s*\{/.test(line)
                  ? "moved"
                  : undefined;
      current = address ? { address, body: [] } : undefined;
    }
    current?.body.push(line);
    depth += braceDelta(line);
    if (depth <= 0 && current) {
      finish(file, current.address, current.body, into);
      current = undefined;
      depth = 0;
    }
  }
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
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return;
  }
  const record = (value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  for (const kind of ["resource", "data"])
    for (const [type, named] of Object.entries(record(json[kind])))
      for (const name of Object.keys(record(named))) into.blocks.set(`${kind}.${type}.${name}`, { file });
  for (const [name, body] of Object.entries(record(json.module))) {
    const source = record(body).source;
    into.blocks.set(`module.${name}`, { file, ...(typeof source === "string" ? { source } : {}) });
  }
  for (const name of Object.keys(record(json.provider))) into.blocks.set(`provider.${name}`, { file });
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
  const signals: Signal[] = [];
  const decided = new Set<string>();
  const decide = (file: string, reason: string, technologies: string[]) => {
    signals.push({ file, decision: true, reason: reasonText(reason), technologies });
    decided.add(file);
  };
  const typeOf = (address: string) => address.split(".")[1] ?? address;

  // Blocks renamed with `moved` blocks are the same objects: neither added nor removed.
  const renamedFrom = new Map(
    [...after.moves].filter(([, to]) => after.blocks.has(to)).map(([from, to]) => [to, from]),
  );
  const { added: rawAdded, removed: rawRemoved } = difference(before.blocks.keys(), after.blocks.keys());
  const added = rawAdded.filter(
    (address) => !(renamedFrom.has(address) && before.blocks.has(renamedFrom.get(address)!)),
  );
  const removed = rawRemoved.filter((address) => !after.moves.has(address));
  const byFile = (addresses: string[], side: Declared) => {
    const grouped = new Map<string, string[]>();
    for (const address of addresses) {
      const file = side.blocks.get(address)!.file;
      grouped.set(file, [...(grouped.get(file) ?? []), address]);
    }
    return grouped;
  };
  for (const [file, addresses] of byFile(added, after))
    decide(file, `adds ${listed(addresses.map(describe))}`, ["terraform", ...addresses.map(typeOf)]);
  for (const [file, addresses] of byFile(removed, before))
    decide(file, `removes ${listed(addresses.map(describe))}`, ["terraform", ...addresses.map(typeOf)]);
  for (const [address, next] of after.blocks) {
    const previous = before.blocks.get(address);
    if (previous?.source !== undefined && next.source !== undefined && previous.source !== next.source)
      decide(next.file, `${describe(address)} now comes from ${next.source} (was ${previous.source})`, [
        "terraform",
        typeOf(address),
      ]);
  }
  if (before.backend?.kind !== after.backend?.kind || before.backend?.settings !== after.backend?.settings) {
    const file = after.backend?.file ?? before.backend?.file ?? files[0]!.path;
    decide(
      file,
      before.backend?.kind === after.backend?.kind
        ? `changes the ${after.backend!.kind} state backend's settings`
        : `state backend ${before.backend?.kind ?? "local"} -> ${after.backend?.kind ?? "local"}`,
      ["terraform", after.backend?.kind ?? before.backend?.kind ?? "state"],
    );
  }
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
