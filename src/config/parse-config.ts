import { maxConfigYamlAliases, maxYamlLength, maxYamlNesting, yamlTooDeepAt } from "../text/yaml-limits.js";
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Node as YamlNode,
  type Pair,
  type YAMLMap,
} from "yaml";
import { configParsing, configSchema, defaultConfig, type Config } from "../schemas/config.js";
import type { Finding, Span } from "../findings/diagnostic.js";
import type { PathFinding } from "../findings/diagnostic.js";
import { schemaFindings } from "../findings/schema-findings.js";

export { configPath } from "./defaults.js";

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

/** Each mapping's pairs by key, built once per mapping: locating 40,000 unknown keys stays linear. */
const pairsOf = new WeakMap<YamlNode, Map<string, Pair>>();

function pairNamed(map: YAMLMap, key: string): Pair | undefined {
  let pairs = pairsOf.get(map);
  if (!pairs) {
    pairs = new Map();
    for (const item of map.items)
      if (isScalar(item.key) && !pairs.has(String(item.key.value))) pairs.set(String(item.key.value), item as Pair);
    pairsOf.set(map, pairs);
  }
  return pairs.get(key);
}

/** Keys that appear twice in one mapping, each at its second occurrence; an iterative walk. */
function duplicateKeys(root: YamlNode | null): Finding[] {
  const findings: Finding[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key !== undefined && seen.has(key)) {
          const span = nodeSpan(pair.key as YamlNode) ?? { start: 0, end: 0 };
          findings.push({
            span,
            severity: "error",
            code: "duplicate-key",
            message: `Map keys must be unique: "${key}" is set twice`,
          });
        } else if (key !== undefined) seen.add(key);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) for (const item of node.items) stack.push(item);
  }
  return findings;
}

/** Finds the YAML node (or, for `key` targets, the key) at a path, falling back to the nearest ancestor. */
function locate(root: YamlNode | null, finding: PathFinding): Span {
  let node: YamlNode | null = root;
  let best: Span = nodeSpan(root) ?? { start: 0, end: 0 };
  for (let i = 0; i < finding.path.length; i++) {
    const segment = finding.path[i];
    const last = i === finding.path.length - 1;
    if (isMap(node)) {
      const pair = pairNamed(node, String(segment));
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
 * errors are findings with positions; unknown keys are warnings. Never throws: a file nested
 * deeper than any config (which would overflow the parser's stack) is a finding too.
 */
export function parseConfig(text: string): ParsedConfig {
  if (text.length > maxYamlLength)
    return refused(
      0,
      "too-large",
      `the config is ${text.length} characters; a config is a few hundred, so it is not read`,
    );
  const deep = yamlTooDeepAt(text);
  if (deep >= 0)
    return refused(
      deep,
      "too-deep",
      `nested deeper than ${maxYamlNesting} levels here; a config is a few levels deep, so it is not read further`,
    );
  try {
    return parseWithinLimits(text);
  } catch (error) {
    if (error instanceof RangeError)
      return refused(
        0,
        "too-deep",
        "nested too deeply to read (the parser ran out of stack); a config is a few levels deep",
      );
    throw error;
  }
}

function refused(offset: number, code: string, message: string): ParsedConfig {
  return {
    config: defaultConfig(),
    valid: false,
    findings: [{ span: { start: offset, end: offset + 1 }, severity: "error", code, message }],
  };
}

function parseWithinLimits(text: string): ParsedConfig {
  const lineCounter = new LineCounter();
  // The yaml library's own duplicate-key check is quadratic in a mapping's size: ours is linear.
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const findings: Finding[] = duplicateKeys(document.contents as YamlNode | null);
  for (const problem of [...document.errors, ...document.warnings]) {
    findings.push({
      span: { start: problem.pos[0], end: problem.pos[1] },
      severity: document.errors.includes(problem as never) ? "error" : "warning",
      code: problem.code === "DUPLICATE_KEY" ? "duplicate-key" : "yaml-syntax",
      message: problem.message.split("\n")[0]!,
    });
  }
  if (document.errors.length > 0 || findings.length > 0) return { config: defaultConfig(), valid: false, findings };

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: maxConfigYamlAliases }) ?? {};
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
  const result = configSchema.safeParse(value, configParsing);
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
    return { config: configSchema.parse(cleaned, configParsing), raw: cleaned, valid: true, findings };
  }
  return { config: defaultConfig(), raw: value, valid: false, findings };
}
