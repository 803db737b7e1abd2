import { hclTopLevelBlocks, terraformJsonBlocks } from "../../text/hcl.js";
import { record } from "../../text/records.js";

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

function blockOf(line: string): Omit<HclBlock, "body"> | undefined {
  const match = header.exec(line);
  if (!match) return undefined;
  if (match[1]) return { kind: match[1] as "resource" | "data", type: match[2]!, name: match[3]! };
  if (match[4]) return { kind: match[4] as "module" | "provider", type: match[5]!, name: match[5]! };
  return { kind: "terraform", type: "terraform", name: "terraform" };
}

/**
 * The top-level blocks of an HCL file. A heredoc's body is text, not code (an IAM policy's
 * braces must not end its block), and a stray `}` does not hide the blocks after it.
 */
export function hclBlocks(text: string): HclBlock[] {
  return hclTopLevelBlocks(text, { header: blockOf, heredocs: "skip", strayBraces: "ignore" }).map(
    ({ header, lines }) => ({ ...header, body: lines.join("\n") }),
  );
}

/** `.tf.json`: the same blocks in JSON syntax, attributes rendered as `key = "value"` lines so one reader serves both. */
export function hclJsonBlocks(text: string): HclBlock[] {
  const bodyOf = (attributes: Record<string, unknown>) =>
    Object.entries(attributes)
      .map(([key, attribute]) => (typeof attribute === "string" ? `${key} = "${attribute}"` : `${key} = {}`))
      .join("\n");
  const blocks: HclBlock[] = [];
  for (const { kind, type, name, attributes } of terraformJsonBlocks(text)) {
    if (kind === "terraform") {
      const body = terraformBody(attributes);
      if (body !== undefined) blocks.push({ kind, type, name, body });
    } else blocks.push({ kind, type, name, body: kind === "provider" ? "" : bodyOf(attributes) });
  }
  return blocks;
}

/** The `terraform` block's backend and required providers as HCL lines; undefined when it names neither. */
function terraformBody(attributes: Record<string, unknown>): string | undefined {
  const providers = Object.keys(record(attributes.required_providers)).map((name) => `  ${name} = {}`);
  const backend = Object.keys(record(attributes.backend)).map((name) => `  backend "${name}" {}`);
  if (providers.length + backend.length === 0) return undefined;
  return [...backend, "required_providers {", ...providers, "}"].join("\n");
}
