import { braceDelta, hclCodeOf } from "../../text/hcl-code.js";
import { jsonRecord, record } from "../text.js";

/** A top-level Terraform / OpenTofu block: `resource "aws_db_instance" "main" { ... }`, `module "eks" { ... }`. */
export interface HclBlock {
  kind: "resource" | "data" | "module" | "provider" | "terraform";
  /** The resource or data type (`aws_db_instance`); the module's or provider's name otherwise. */
  type: string;
  name: string;
  /** The body's code, comments left out; attributes are read from it by pattern. */
  body: string;
}

const header = /^\s*(?:(resource|data)\s+"([^"]+)"\s+"([^"]+)"|(module|provider)\s+"([^"]+)"|(terraform))\s*\{/;

/**
 * The top-level blocks of an HCL file, read line by line: a block opens at depth 0 and runs to
 * the brace that closes it. Heredocs (`<<EOF ... EOF`, IAM policies full of braces) and
 * block comments are skipped.
 */
export function hclBlocks(text: string): HclBlock[] {
  const blocks: HclBlock[] = [];
  let depth = 0;
  let current: (Omit<HclBlock, "body"> & { lines: string[] }) | undefined;
  let heredoc: string | undefined;
  const comments = { inComment: false };
  for (const raw of text.split("\n")) {
    if (heredoc !== undefined) {
      if (raw.trim() === heredoc) heredoc = undefined;
      continue;
    }
    const line = hclCodeOf(raw, comments);
    const marker = /<<-?\s*"?(\w+)"?\s*$/.exec(line);
    if (marker) heredoc = marker[1];
    if (depth === 0) {
      const match = header.exec(line);
      current = match
        ? match[1]
          ? { kind: match[1] as "resource" | "data", type: match[2]!, name: match[3]!, lines: [] }
          : match[4]
            ? { kind: match[4] as "module" | "provider", type: match[5]!, name: match[5]!, lines: [] }
            : { kind: "terraform", type: "terraform", name: "terraform", lines: [] }
        : undefined;
    }
    current?.lines.push(line);
    depth += braceDelta(line);
    if (depth <= 0) {
      depth = 0;
      if (current) {
        const { lines, ...block } = current;
        blocks.push({ ...block, body: lines.join("\n") });
        current = undefined;
      }
    }
  }
  return blocks;
}

/** `.tf.json`: the same blocks in JSON syntax, attributes rendered as `key = "value"` lines so one reader serves both. */
export function hclJsonBlocks(text: string): HclBlock[] {
  const json = jsonRecord(text);
  if (!json) return [];
  const bodyOf = (value: unknown) =>
    Object.entries(record(value))
      .map(([key, attribute]) => (typeof attribute === "string" ? `${key} = "${attribute}"` : `${key} = {}`))
      .join("\n");
  const blocks: HclBlock[] = [];
  for (const kind of ["resource", "data"] as const)
    for (const [type, named] of Object.entries(record(json[kind])))
      for (const [name, body] of Object.entries(record(named))) blocks.push({ kind, type, name, body: bodyOf(body) });
  for (const [name, body] of Object.entries(record(json.module)))
    blocks.push({ kind: "module", type: name, name, body: bodyOf(body) });
  for (const name of Object.keys(record(json.provider))) blocks.push({ kind: "provider", type: name, name, body: "" });
  const terraform = record(json.terraform);
  const providers = Object.keys(record(terraform.required_providers)).map((name) => `  ${name} = {}`);
  const backend = Object.keys(record(terraform.backend)).map((name) => `  backend "${name}" {}`);
  if (providers.length + backend.length > 0)
    blocks.push({
      kind: "terraform",
      type: "terraform",
      name: "terraform",
      body: [...backend, "required_providers {", ...providers, "}"].join("\n"),
    });
  return blocks;
}

/** The names in a `terraform { required_providers { aws = {...} } }` body, read line by line (the body is code, comments gone). */
export function requiredProviders(body: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (const line of body.split("\n")) {
    if (depth === 0) {
      if (/required_providers\s*\{/.test(line)) depth = braceDelta(line.slice(line.indexOf("required_providers")));
      continue;
    }
    const name = depth === 1 ? /^[ \t]*([\w-]+)[ \t]*=/.exec(line)?.[1] : undefined;
    if (name) names.push(name);
    depth += braceDelta(line);
    if (depth <= 0) break;
  }
  return names;
}

/** A string attribute of a block body: `engine = "postgres"` -> postgres. */
export const attributeOf = (body: string, name: string): string | undefined =>
  new RegExp(`^[ \\t]*${name}[ \\t]*=[ \\t]*"([^"]*)"`, "m").exec(body)?.[1];
