import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from "yaml";
import { configSchema, defaultConfig, type Config } from "../schemas/config.js";
import type { Finding, Span } from "../findings/diagnostic.js";
import type { PathFinding } from "../findings/diagnostic.js";
import { schemaFindings } from "../findings/schema-findings.js";

/** Where the repository config lives. */
export const configPath = ".github/cto-copilot.yml";

export interface ParsedConfig {
  /** The config to use: the file's, or the defaults when the file has errors. */
  config: Config;
  /** The YAML as plain data (for merging an organisation default under it); undefined on YAML errors. */
  raw?: unknown;
  /** Whether the file was usable (no error findings). */
  valid: boolean;
  findings: Finding[];
}

function nodeSpan(node: YamlNode | null | undefined): Span | undefined {
  const range = node?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

/** Finds the YAML node (or, for `key` targets, the key) at a path, falling back to the nearest ancestor. */
function locate(root: YamlNode | null, finding: PathFinding): Span {
  let node: YamlNode | null = root;
  let best: Span = nodeSpan(root) ?? { start: 0, end: 0 };
  for (let i = 0; i < finding.path.length; i++) {
    const segment = finding.path[i];
    const last = i === finding.path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return best;
      const keySpan = nodeSpan(pair.key as YamlNode);
      if (last && finding.target === "key") return keySpan ?? best;
      node = (pair.value as YamlNode | null) ?? null;
      best = nodeSpan(node) ?? keySpan ?? best;
      if (!node) return keySpan ?? best;
    } else if (isSeq(node) && typeof segment === "number") {
      node = (node.items[segment] as YamlNode | undefined) ?? null;
      if (!node) return best;
      best = nodeSpan(node) ?? best;
    } else return best;
  }
  // A missing key is reported at the start of its parent mapping, not over the whole block.
  return finding.code === "missing-field" ? { start: best.start, end: best.start } : best;
}

/**
 * Parses `.github/cto-copilot.yml` text into a validated config. YAML errors and schema
 * errors are findings with positions; unknown keys are warnings. Never throws.
 */
export function parseConfig(text: string): ParsedConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const findings: Finding[] = [];
  for (const problem of [...document.errors, ...document.warnings]) {
    findings.push({
      span: { start: problem.pos[0], end: problem.pos[1] },
      severity: document.errors.includes(problem as never) ? "error" : "warning",
      code: problem.code === "DUPLICATE_KEY" ? "duplicate-key" : "yaml-syntax",
      message: problem.message.split("\n")[0]!,
    });
  }
  if (document.errors.length > 0) return { config: defaultConfig(), valid: false, findings };

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    // The yaml library refuses alias expansion that would explode ("billion laughs").
    findings.push({
      span: { start: 0, end: 0 },
      severity: "error",
      code: "yaml-syntax",
      message: (error as Error).message,
    });
    return { config: defaultConfig(), valid: false, findings };
  }
  const result = configSchema.safeParse(value);
  const issues = result.success ? [] : result.error.issues;
  for (const finding of schemaFindings(issues, value)) {
    findings.push({
      span: locate(document.contents as YamlNode | null, finding),
      severity: finding.severity,
      code: `config-${finding.code}`,
      message: finding.message,
    });
  }
  if (result.success) return { config: result.data, raw: value, valid: true, findings };
  // Unknown keys alone do not spoil a config: parse it again without them.
  if (issues.every((issue) => issue.code === "unrecognized_keys")) {
    const cleaned = structuredClone(value) as Record<string, unknown>;
    for (const issue of issues) {
      let node = cleaned as Record<PropertyKey, unknown>;
      for (const segment of issue.path) node = node[segment] as Record<PropertyKey, unknown>;
      for (const key of (issue as { keys: string[] }).keys) delete node[key];
    }
    return { config: configSchema.parse(cleaned), raw: cleaned, valid: true, findings };
  }
  return { config: defaultConfig(), raw: value, valid: false, findings };
}
