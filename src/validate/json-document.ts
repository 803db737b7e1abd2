import { parseTree, printParseErrorCode, visit, type JSONPath, type Node } from "jsonc-parser";
import type { Finding, Severity, Span } from "./diagnostic.js";

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

/** Where a finding points inside the node found at its path. */
export type Target = "value" | "key";

/** A finding located by its JSON path rather than by offsets (rules and schema checks produce these). */
export interface PathFinding {
  path: JSONPath;
  target?: Target;
  severity: Severity;
  code: string;
  message: string;
}

export interface ParsedJson {
  /** The parsed value, or undefined when the text is not JSON. */
  value: unknown;
  /** Syntax, duplicate-key and forbidden-key findings. */
  findings: Finding[];
  /** Turns path findings into positioned findings. */
  locate(findings: readonly PathFinding[]): Finding[];
}

const forbiddenKeys = new Set(["__proto__"]);

function deleteAtPath(root: unknown, path: JSONPath): void {
  let node = root as Record<string | number, unknown> | undefined;
  for (const segment of path.slice(0, -1)) node = node?.[segment] as Record<string | number, unknown> | undefined;
  const last = path[path.length - 1];
  if (node && last !== undefined && Object.prototype.hasOwnProperty.call(node, last)) delete node[last];
}

/**
 * Parses strict JSON (RFC 8259) keeping what we need to point at lines: syntax errors,
 * duplicate keys and prototype-polluting keys are findings, never exceptions. The value is
 * built by the native parser (fast); the location tree is built only when a finding needs it.
 */
export function parseJsonDocument(text: string): ParsedJson {
  const findings: Finding[] = [];
  const keysPerObject: Map<string, number>[] = [];
  const forbiddenPaths: JSONPath[] = [];
  let syntaxError = false;

  visit(
    text,
    {
      onObjectBegin: () => {
        keysPerObject.push(new Map());
      },
      onObjectEnd: () => {
        keysPerObject.pop();
      },
      onObjectProperty: (name, offset, length, startLine, _startCharacter, pathSupplier) => {
        const keys = keysPerObject[keysPerObject.length - 1];
        const span = { start: offset, end: offset + length };
        if (keys?.has(name)) {
          findings.push({
            span,
            severity: "error",
            code: "duplicate-key",
            message: `duplicate key "${name}" (first defined on line ${keys.get(name)! + 1}); the last one wins`,
          });
        } else keys?.set(name, startLine);
        if (forbiddenKeys.has(name)) {
          findings.push({ span, severity: "error", code: "forbidden-key", message: `key "${name}" is not allowed in data files` });
          forbiddenPaths.push([...pathSupplier(), name]);
        }
      },
      onError: (error, offset, length) => {
        if (syntaxError) return; // after the first error the parser is guessing: later errors mislead
        syntaxError = true;
        const name = printParseErrorCode(error);
        const token = JSON.stringify(text.slice(offset, offset + Math.max(length, 1)).slice(0, 20));
        const what = name === "InvalidSymbol" ? `unexpected ${token}` : (syntaxMessages[name] ?? "invalid JSON");
        const atEnd = offset >= text.length;
        findings.push({
          span: { start: offset, end: offset + Math.max(length, 1) },
          severity: "error",
          code: "json-syntax",
          message: text.trim() === "" ? "file is empty: a JSON value is expected" : atEnd ? `${what} (at end of file)` : what,
        });
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );

  let value: unknown;
  if (!syntaxError) {
    try {
      value = JSON.parse(text);
      for (const path of forbiddenPaths) deleteAtPath(value, path);
    } catch (error) {
      // Defence in depth: if the tolerant scanner accepted something the strict parser refuses.
      findings.push({ span: { start: 0, end: 1 }, severity: "error", code: "json-syntax", message: (error as Error).message });
      value = undefined;
    }
  }

  let tree: Node | undefined;
  const locate = (pathFindings: readonly PathFinding[]): Finding[] => {
    if (pathFindings.length === 0) return [];
    tree ??= parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
    return pathFindings.map((finding) => ({
      span: spanOf(tree, finding.path, finding.target ?? "value"),
      severity: finding.severity,
      code: finding.code,
      message: finding.message,
    }));
  };

  return { value, findings, locate };
}

/** Like jsonc-parser's findNodeAtLocation, but a duplicated key resolves to its last occurrence (the one JSON.parse keeps). */
function findNode(root: Node, path: JSONPath): Node | undefined {
  let node: Node | undefined = root;
  for (const segment of path) {
    if (!node?.children) return undefined;
    if (typeof segment === "number") {
      node = node.type === "array" ? node.children[segment] : undefined;
    } else if (node.type === "object") {
      const property: Node | undefined = node.children.findLast((child) => child.children?.[0]?.value === segment);
      node = property?.children?.[1];
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
