import type { z } from "zod";
import type { PathFinding } from "./diagnostic.js";

type Issue = z.core.$ZodIssue;
type Path = (string | number)[];

/** `items[3].priority`: how people read a JSON path. */
function describePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out === "" ? "the file" : out;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return value.length > 40 ? `"${value.slice(0, 37)}..."` : JSON.stringify(value);
  if (typeof value === "object") return "an object";
  return String(value);
}

/** "string \"3\"", "number 3", "an object": the type and, for scalars, the value. */
function describeFound(value: unknown): string {
  if (value === null || typeof value === "object") return describeValue(value);
  return `${typeof value} ${describeValue(value)}`;
}

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root as Record<PropertyKey, unknown> | undefined;
  for (const segment of path) node = node?.[segment] as Record<PropertyKey, unknown> | undefined;
  return node;
}

/** A union fails in every branch; report the branch that got furthest (past the type check). */
function unionIssue(issue: Extract<Issue, { code: "invalid_union" }>): Issue | undefined {
  for (const branch of issue.errors) {
    const deeper = branch.find((inner) => inner.code !== "invalid_type" || inner.path.length > 0);
    if (deeper) return { ...deeper, path: [...issue.path, ...deeper.path] } as Issue;
  }
  return undefined;
}

/** Turns zod issues into findings that say, in words, what is wrong and where. */
export function schemaFindings(issues: readonly Issue[], input: unknown): PathFinding[] {
  const out: PathFinding[] = [];
  for (const original of issues) {
    const issue = original.code === "invalid_union" ? (unionIssue(original) ?? original) : original;
    const path = issue.path as Path;
    const name = `\`${describePath(path)}\``;
    const found = valueAt(input, path);
    switch (issue.code) {
      case "unrecognized_keys":
        for (const key of issue.keys) {
          out.push({
            path: [...path, key],
            target: "key",
            severity: "warning",
            code: "unknown-key",
            message: `unknown key \`${describePath([...path, key])}\` is ignored`,
          });
        }
        break;
      case "invalid_type":
        if (found === undefined) {
          out.push({ path, severity: "error", code: "missing-field", message: `missing required field ${name}` });
        } else {
          out.push({
            path,
            severity: "error",
            code: "invalid-type",
            message: `${name} must be ${article(issue.expected === "int" ? "integer" : issue.expected)}, found ${describeFound(found)}`,
          });
        }
        break;
      case "invalid_value":
        out.push({
          path,
          severity: "error",
          code: "invalid-value",
          message:
            issue.values.length === 1
              ? `${name} must be ${JSON.stringify(issue.values[0])}, found ${describeValue(found)}`
              : `${name} must be one of ${issue.values.map(String).join(", ")}; found ${describeValue(found)}`,
        });
        break;
      case "too_small":
      case "too_big": {
        const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
        const inclusive = issue.inclusive !== false;
        const words =
          issue.origin === "string" || issue.origin === "array"
            ? issue.code === "too_small" && Number(bound) === 1
              ? "must not be empty"
              : `must have ${issue.code === "too_small" ? "at least" : "at most"} ${String(bound)} ${issue.origin === "string" ? "characters" : "items"}`
            : `must be ${issue.code === "too_small" ? (inclusive ? ">=" : ">") : inclusive ? "<=" : "<"} ${String(bound)}`;
        out.push({
          path,
          severity: "error",
          code: "out-of-range",
          message: `${name} ${words}, found ${describeValue(found)}`,
        });
        break;
      }
      case "invalid_union": {
        // Every branch failed on its type: name the types that would do.
        const expected = [
          ...new Set(
            issue.errors.flatMap((branch) =>
              branch
                .filter((inner) => inner.code === "invalid_type")
                .map((inner) => (inner as { expected: string }).expected),
            ),
          ),
        ];
        out.push({
          path,
          severity: "error",
          code: "invalid-type",
          message: `${name} must be ${expected.map(article).join(" or ")}, found ${describeFound(found)}`,
        });
        break;
      }
      default: {
        const detail = issue.message.startsWith("must") ? issue.message : `is invalid: ${issue.message}`;
        out.push({
          path,
          severity: "error",
          code: "invalid-format",
          message: `${name} ${detail}, found ${describeValue(found)}`,
        });
      }
    }
  }
  return out;
}
