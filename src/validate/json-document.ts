import { parseTree, printParseErrorCode, visit, type JSONPath, type Node } from "jsonc-parser";
import type { Finding, PathFinding, Span, Target } from "../findings/diagnostic.js";
import { countWrittenKeys, deeperThan, keyColonBound, maxJsonDepth, measureParsed } from "./json-structure.js";
import { scanObjectKeys } from "./json-keys.js";
import { LineIndex } from "../text/line-index.js";

// Keyed by jsonc-parser's error names (its codes are an ambient const enum).
const syntaxMessages: Record<string, string> = {
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "property name (a double-quoted string) expected",
  ValueExpected: "value expected",
  ColonExpected: "':' expected",
  CommaExpected: "',' expected",
  CloseBraceExpected: "'}' expected",
  CloseBracketExpected: "']' expected",
  EndOfFileExpected: "end of file expected: only one JSON value is allowed",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "unterminated comment",
  UnexpectedEndOfString: "unterminated string",
  UnexpectedEndOfNumber: "incomplete number",
  InvalidUnicode: "invalid \\u escape",
  InvalidEscapeCharacter: "invalid escape character",
  InvalidCharacter: "invalid character (control characters must be escaped)",
};

export interface ParsedJson {
  /** The parsed value, or undefined when the text is not JSON. */
  value: unknown;
  /** Syntax, duplicate-key and forbidden-key findings. */
  findings: Finding[];
  /** Turns path findings into positioned findings. */
  locate(findings: readonly PathFinding[]): Finding[];
}

const forbiddenKeys = new Set(["__proto__"]);

/** Locates and names the first syntax error of text that JSON.parse refused. */
function firstSyntaxError(text: string): Finding {
  let found: Finding | undefined;
  visit(
    text,
    {
      onError: (error, offset, length) => {
        if (found) return; // after the first error the parser is guessing: later errors mislead
        const name = printParseErrorCode(error);
        const token = JSON.stringify(text.slice(offset, offset + Math.max(length, 1)).slice(0, 20));
        const what = name === "InvalidSymbol" ? `unexpected ${token}` : (syntaxMessages[name] ?? "invalid JSON");
        found = {
          span: { start: offset, end: offset + Math.max(length, 1) },
          severity: "error",
          code: "json-syntax",
          message:
            text.trim() === ""
              ? "file is empty: a JSON value is expected"
              : offset >= text.length
                ? `${what} (at end of file)`
                : what,
        };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  // Should jsonc-parser accept what JSON.parse refused, still say something precise enough.
  return found ?? { span: { start: 0, end: 1 }, severity: "error", code: "json-syntax", message: "invalid JSON" };
}

/**
 * Parses strict JSON (RFC 8259) keeping what we need to point at lines: syntax errors,
 * duplicate keys and prototype-polluting keys are findings, never exceptions. The value is
 * built by the native parser (fast); jsonc-parser locates syntax errors, and its location
 * tree is built only when a finding needs a position.
 */
export function parseJsonDocument(text: string): ParsedJson {
  const findings: Finding[] = [];
  const tooDeep = (offset: number): ParsedJson => ({
    value: undefined,
    findings: [
      {
        span: { start: offset, end: offset + 1 },
        severity: "error",
        code: "too-deep",
        message: `nested deeper than ${maxJsonDepth} levels here; data files are a few levels deep, so the file is not checked further`,
      },
    ],
    locate: () => [],
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // jsonc-parser recurses: a file nested absurdly deep is reported, not handed to it.
    const deepAt = deeperThan(text);
    if (deepAt >= 0) return tooDeep(deepAt);
    // The native parser's messages carry no line; jsonc-parser finds and names the first error.
    findings.push(firstSyntaxError(text));
  }

  const shape = findings.length === 0 ? measureParsed(value) : undefined;
  if (shape && shape.depth > maxJsonDepth) return tooDeep(Math.max(0, deeperThan(text)));
  // The parsed tree keeps one of each duplicated key: as many keys as written means none. The
  // colon bound settles it for almost every file; the exact count only when a string's quote
  // and colon (`"\":"`) inflate the bound; only a file that differs pays for the pass that
  // finds and positions the duplicates.
  const hasDuplicates = (keys: number) => keys !== keyColonBound(text) && keys !== countWrittenKeys(text);
  if (shape && (shape.forbidden || hasDuplicates(shape.keys))) {
    const keys = scanObjectKeys(text);
    let lines: LineIndex | undefined;
    for (const duplicate of keys.duplicates) {
      lines ??= new LineIndex(text);
      findings.push({
        span: { start: duplicate.offset, end: duplicate.offset + duplicate.length },
        severity: "error",
        code: "duplicate-key",
        message: `duplicate key "${duplicate.name}" (first defined on line ${lines.position(duplicate.firstOffset).line}); the last one wins`,
      });
    }
    for (const key of keys.forbidden) {
      findings.push({
        span: { start: key.offset, end: key.offset + key.length },
        severity: "error",
        code: "forbidden-key",
        message: `key "${key.name}" is not allowed in data files`,
      });
    }
    // JSON.parse makes `__proto__` an own property (no pollution yet); drop it before anything copies the value.
    if (keys.forbidden.length > 0)
      value = JSON.parse(text, (key, child: unknown) => (forbiddenKeys.has(key) ? undefined : child));
  }

  return { value, findings, locate: locator(text) };
}

/**
 * Turns path findings into positioned findings for JSON text known to be valid and within the
 * depth limit. The location tree is built on first use, only when there is a finding to place.
 */
export function locator(text: string): (pathFindings: readonly PathFinding[]) => Finding[] {
  let tree: Node | undefined;
  return (pathFindings) => {
    if (pathFindings.length === 0) return [];
    tree ??= parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
    return pathFindings.map((finding) => ({
      span: spanOf(tree, finding.path, finding.target ?? "value"),
      severity: finding.severity,
      code: finding.code,
      message: finding.message,
    }));
  };
}

/** Each object node's properties by key, built once per object: locating 40,000 keys stays linear. */
const propertiesOf = new WeakMap<Node, Map<unknown, Node>>();

function propertyNamed(object: Node, key: string): Node | undefined {
  let properties = propertiesOf.get(object);
  if (!properties) {
    properties = new Map();
    // Later occurrences overwrite earlier ones: a duplicated key resolves to the one JSON.parse keeps.
    for (const child of object.children ?? []) properties.set(child.children?.[0]?.value, child);
    propertiesOf.set(object, properties);
  }
  return properties.get(key);
}

/** Like jsonc-parser's findNodeAtLocation, but a duplicated key resolves to its last occurrence (the one JSON.parse keeps). */
function findNode(root: Node, path: JSONPath): Node | undefined {
  let node: Node | undefined = root;
  for (const segment of path) {
    if (!node?.children) return undefined;
    if (typeof segment === "number") {
      node = node.type === "array" ? node.children[segment] : undefined;
    } else if (node.type === "object") {
      node = propertyNamed(node, segment)?.children?.[1];
    } else return undefined;
  }
  return node;
}

function spanOf(tree: Node | undefined, path: JSONPath, target: Target): Span {
  if (!tree) return { start: 0, end: 1 };
  // Walk up to the nearest node that exists (a missing key is reported on its parent).
  for (let depth = path.length; depth >= 0; depth--) {
    const node = findNode(tree, path.slice(0, depth));
    if (!node) continue;
    const property = node.parent?.type === "property" ? node.parent : undefined;
    const key = property?.children?.[0];
    if ((target === "key" || depth < path.length) && key) return { start: key.offset, end: key.offset + key.length };
    if (node.type === "object" || node.type === "array") return { start: node.offset, end: node.offset + 1 };
    return { start: node.offset, end: node.offset + node.length };
  }
  return { start: 0, end: 1 };
}
