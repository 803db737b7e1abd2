import { braceDelta } from "./hcl-code.js";
import { hclTopLevelBlocks, terraformJsonBlocks } from "./hcl.js";
import { record } from "./records.js";

/**
 * The resources a Terraform / OpenTofu file declares, with their literal attribute values, for
 * the judgements that need values rather than identities: what a resource costs (its instance
 * type, its storage size) and what it leaves unprotected (backups off, a public bucket).
 */

/** An attribute's value as written: a literal, or the expression text when it is not one (`var.size`). */
export type HclValue = string | number | boolean | { expression: string };

export interface TerraformResource {
  file: string;
  /** The address as the code names it: `aws_instance.api`. */
  address: string;
  type: string;
  name: string;
  /** The value at a path of nested blocks (`["settings", "backup_configuration", "enabled"]`), or undefined when not set. */
  value(path: readonly string[]): HclValue | undefined;
  /** The block's code without comments and blank lines, to tell a changed block from an unchanged one. */
  code: string;
}

export interface TerraformFile {
  resources: TerraformResource[];
  /** `provider "aws" { region = "eu-west-1" }`: the region each provider names (the first block of each). */
  regions: Map<string, string>;
}

const headerPattern = /^\s*(?:resource\s+"([^"]+)"\s+"([^"]+)"|provider\s+"([^"]+)")\s*\{/;

type Header = { kind: "resource"; type: string; name: string } | { kind: "provider"; name: string };

function headerOf(line: string): Header | undefined {
  const match = headerPattern.exec(line);
  if (!match) return undefined;
  return match[1] ? { kind: "resource", type: match[1], name: match[2]! } : { kind: "provider", name: match[3]! };
}

/** `"t3.micro"` -> t3.micro, `2` -> 2, `true` -> true; anything else is an expression. */
function literal(raw: string): HclValue {
  const text = raw.trim().replace(/,$/, "");
  const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(text);
  if (quoted && !quoted[1]!.includes("${")) return quoted[1]!;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === "true" || text === "false") return text === "true";
  return { expression: text };
}

const sameStack = (stack: readonly string[], path: readonly string[]) =>
  stack.length === path.length && stack.every((name, index) => name === path[index]);

const valuePattern = String.raw`("(?:[^"\\]|\\.)*"|[^\s},]+)`;

/**
 * The value at `path` in a resource's body lines (the header line first), read line by line: a
 * stack of the nested blocks open (`settings { backup_configuration {`), and one-line blocks
 * (`point_in_time_recovery { enabled = true }`) read in place.
 */
function hclValue(lines: readonly string[], path: readonly string[]): HclValue | undefined {
  const attribute = path[path.length - 1]!;
  const parents = path.slice(0, -1);
  const onLine = new RegExp(String.raw`^\s*${attribute}\s*=\s*${valuePattern}`);
  const inOneLiner = new RegExp(String.raw`(?:^|[\s,{])${attribute}\s*=\s*${valuePattern}`);
  const stack: string[] = [];
  for (const line of lines.slice(1)) {
    const opens = /^\s*([\w-]+)\s*(?:=\s*)?(?:"[^"]*"\s*)*\{/.exec(line);
    if (opens) {
      if (braceDelta(line) > 0) stack.push(opens[1]!);
      else if (sameStack([...stack, opens[1]!], parents)) {
        const match = inOneLiner.exec(line.slice(line.indexOf("{") + 1));
        if (match) return literal(match[1]!);
      }
      continue;
    }
    if (sameStack(stack, parents)) {
      const match = onLine.exec(line);
      if (match) return literal(match[1]!);
    }
    for (let delta = braceDelta(line); delta < 0 && stack.length > 0; delta++) stack.pop();
  }
  return undefined;
}

/** The value at `path` in a `.tf.json` resource: nested blocks are objects, or lists of objects. */
function jsonValue(attributes: Record<string, unknown>, path: readonly string[]): HclValue | undefined {
  let current: unknown = attributes;
  for (const name of path) {
    const here: unknown = Array.isArray(current) ? current[0] : current;
    current = record(here)[name];
    if (current === undefined) return undefined;
  }
  if (typeof current === "string") return current.includes("${") ? { expression: current } : current;
  if (typeof current === "number" || typeof current === "boolean") return current;
  return { expression: JSON.stringify(current) };
}

function fromHcl(file: string, text: string): TerraformFile {
  const reading = { header: headerOf, heredocs: "skip", strayBraces: "ignore" } as const;
  const resources: TerraformResource[] = [];
  const regions = new Map<string, string>();
  for (const { header, lines } of hclTopLevelBlocks(text, reading)) {
    if (header.kind === "provider") {
      const region = hclValue(lines, ["region"]);
      if (typeof region === "string" && !regions.has(header.name)) regions.set(header.name, region);
      continue;
    }
    const code = lines
      .map((line) => line.trim())
      .filter(Boolean)
      .join("\n");
    resources.push({
      file,
      address: `${header.type}.${header.name}`,
      type: header.type,
      name: header.name,
      value: (path) => hclValue(lines, path),
      code,
    });
  }
  return { resources, regions };
}

function fromJson(file: string, text: string): TerraformFile {
  const resources: TerraformResource[] = [];
  const regions = new Map<string, string>();
  for (const block of terraformJsonBlocks(text)) {
    if (block.kind === "provider") {
      const region = jsonValue(block.attributes, ["region"]);
      if (typeof region === "string") regions.set(block.name, region);
    }
    if (block.kind !== "resource") continue;
    resources.push({
      file,
      address: `${block.type}.${block.name}`,
      type: block.type,
      name: block.name,
      value: (path) => jsonValue(block.attributes, path),
      code: JSON.stringify(block.attributes),
    });
  }
  return { resources, regions };
}

/** A Terraform file (`.tf`, `.tofu`, `.tf.json`) read for its resources and provider regions; other files hold none. */
export function terraformResources(file: string, text: string): TerraformFile {
  if (/\.tf\.json$/.test(file)) return fromJson(file, text);
  if (/\.(tf|tofu)$/.test(file)) return fromHcl(file, text);
  return { resources: [], regions: new Map() };
}

/** The first value of a block (`count`, `instance_type`) when it is a literal of the type asked. */
export const stringValue = (resource: TerraformResource, ...path: string[]): string | undefined => {
  const value = resource.value(path);
  return typeof value === "string" ? value : undefined;
};

export const numberValue = (resource: TerraformResource, ...path: string[]): number | undefined => {
  const value = resource.value(path);
  return typeof value === "number" ? value : undefined;
};
