import { braceDelta, hclCodeOf } from "./hcl-code.js";
import { jsonRecord, record } from "./records.js";

/**
 * Reading Terraform / OpenTofu / Terragrunt files without a parser: the top-level blocks of HCL
 * (and of its JSON syntax, `.tf.json`), a block's string attributes, its required providers.
 * Shared by the ADR readers (what a change declares) and discovery (what a repository runs on).
 */

/** A top-level block: what its header line said, and its code lines (header first, comments left out). */
export interface HclTopLevelBlock<Header> {
  header: Header;
  lines: string[];
}

/** How a reader reads the top level; each reader keeps the reading its results were tuned on. */
export interface HclReading<Header> {
  /** What a line at depth 0 opens, or undefined when it opens no block this reader wants. */
  header: (line: string) => Header | undefined;
  /**
   * `skip`: a heredoc's body (`<<EOF` ... `EOF`, IAM policies full of braces) is left out, as
   * text. `read`: its lines are read as code, braces and comment marks included.
   */
  heredocs: "skip" | "read";
  /**
   * When a line outside the wanted blocks brings the depth below zero (a `}` closing a block
   * that never opened): `ignore` the stray brace; or `count` it, so the next header is read only
   * once a `{` balances it.
   */
  strayBraces: "ignore" | "count";
}

/**
 * The top-level blocks of an HCL file, read line by line: a block opens on a line at depth 0
 * that `reading.header` recognises and runs to the brace that closes it. Braces and comment
 * marks inside strings, and block comments spanning lines, are handled.
 */
export function hclTopLevelBlocks<Header>(text: string, reading: HclReading<Header>): HclTopLevelBlock<Header>[] {
  const blocks: HclTopLevelBlock<Header>[] = [];
  const comments = { inComment: false };
  let depth = 0;
  let current: HclTopLevelBlock<Header> | undefined;
  let heredoc: string | undefined;
  for (const raw of text.split("\n")) {
    if (heredoc !== undefined) {
      if (raw.trim() === heredoc) heredoc = undefined;
      continue;
    }
    const line = hclCodeOf(raw, comments);
    if (reading.heredocs === "skip") heredoc = /<<-?\s*"?(\w+)"?\s*$/.exec(line)?.[1];
    if (depth === 0) {
      const header = reading.header(line);
      current = header === undefined ? undefined : { header, lines: [] };
    }
    current?.lines.push(line);
    depth += braceDelta(line);
    if (depth > 0) continue;
    if (current) {
      blocks.push(current);
      current = undefined;
      depth = 0;
    } else if (reading.strayBraces === "ignore") depth = 0;
  }
  return blocks;
}

/** A top-level block of a `.tf.json` file: `{ "resource": { "aws_db_instance": { "main": {...} } } }`. */
export interface HclJsonBlock {
  kind: "resource" | "data" | "module" | "provider" | "terraform";
  /** The resource or data type (`aws_db_instance`); the module's or provider's name otherwise. */
  type: string;
  name: string;
  /** The block's attributes as written (nested objects included). */
  attributes: Record<string, unknown>;
}

/**
 * The blocks of a `.tf.json` file, in the order resources, data sources, modules, providers,
 * then the `terraform` block when there is one. Nothing when the text is not a JSON object.
 */
export function terraformJsonBlocks(text: string): HclJsonBlock[] {
  const json = jsonRecord(text);
  if (!json) return [];
  const blocks: HclJsonBlock[] = [];
  for (const kind of ["resource", "data"] as const)
    for (const [type, named] of Object.entries(record(json[kind])))
      for (const [name, body] of Object.entries(record(named)))
        blocks.push({ kind, type, name, attributes: record(body) });
  for (const kind of ["module", "provider"] as const)
    for (const [name, body] of Object.entries(record(json[kind])))
      blocks.push({ kind, type: name, name, attributes: record(body) });
  if (json.terraform !== undefined)
    blocks.push({ kind: "terraform", type: "terraform", name: "terraform", attributes: record(json.terraform) });
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
