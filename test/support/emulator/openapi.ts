import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

/**
 * Checks REST responses against GitHub's own OpenAPI description (@octokit/openapi). Only
 * the one file for api.github.com is read (the package holds ten); schemas compile lazily,
 * one per operation and status, on first use.
 */
type Json = Record<string, unknown>;

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  responses: Json;
  pointer: string;
}

/** OpenAPI 3.0's `nullable: true` becomes JSON Schema's null type, which ajv 8 understands. */
function rewriteNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteNullable);
  if (typeof node !== "object" || node === null) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) if (key !== "nullable") out[key] = rewriteNullable(value);
  if ((node as Json).nullable !== true) return out;
  if (typeof out.type === "string") {
    out.type = [out.type, "null"];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: "null" }] };
}

/** `/repos/{owner}/{repo}/contents/{path}` -> a regex; `{path}` may span slashes, other parameters may not. */
function templatePattern(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) =>
      part === "{path}" ? ".+" : part.startsWith("{") ? "[^/]+" : part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"),
    )
    .join("");
  return new RegExp(`^${source}$`);
}

const escapePointer = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");

let shared: OpenApiValidator | undefined;

export class OpenApiValidator {
  private readonly ajv: Ajv;
  private readonly operations: Operation[] = [];
  private readonly compiled = new Map<string, ValidateFunction>();

  static shared(): OpenApiValidator {
    shared ??= new OpenApiValidator();
    return shared;
  }

  private constructor() {
    // Only this file: the package's main module would load all ten descriptions (385 MB).
    const file = new URL("../../../node_modules/@octokit/openapi/generated/api.github.com.json", import.meta.url);
    const document = rewriteNullable(JSON.parse(readFileSync(file, "utf8"))) as Json;
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    (addFormats as unknown as typeof addFormats.default)(this.ajv);
    this.ajv.addSchema(document, "github-api");
    for (const [template, item] of Object.entries(document.paths as Record<string, Json>)) {
      const pattern = templatePattern(template);
      for (const [method, operation] of Object.entries(item)) {
        const responses = (operation as Json).responses as Json | undefined;
        if (!responses) continue;
        this.operations.push({
          method: method.toUpperCase(),
          template,
          pattern,
          responses,
          pointer: `#/paths/${escapePointer(template)}/${method}/responses`,
        });
      }
    }
  }

  /** The documented operation for a request path (without /api/v3), preferring literal segments. */
  private find(method: string, path: string): Operation | undefined {
    const candidates = this.operations.filter(
      (operation) => operation.method === method && operation.pattern.test(path),
    );
    return candidates.sort(
      (a, b) => (b.template.match(/\/[^{/]+/g)?.length ?? 0) - (a.template.match(/\/[^{/]+/g)?.length ?? 0),
    )[0];
  }

  /**
   * Returns the problems with a webhook payload against the description's `x-webhooks` entry
   * (e.g. "installation-created", "installation-repositories-added"), or an empty list.
   */
  checkWebhook(name: string, payload: unknown): string[] {
    const key = `webhook:${name}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile({
        $ref: `github-api#/x-webhooks/${escapePointer(name)}/post/requestBody/content/application~1json/schema`,
      });
      this.compiled.set(key, validate);
    }
    if (validate(payload)) return [];
    return (validate.errors ?? [])
      .slice(0, 10)
      .map((error) => `${name}: ${error.instancePath || "(root)"} ${error.message}`);
  }

  /** Returns the problems with a response, or an empty list when it matches GitHub's description. */
  check(method: string, path: string, status: number, body: unknown): string[] {
    const operation = this.find(method, path);
    if (!operation) return [`${method} ${path}: no such operation in GitHub's OpenAPI description`];
    const response = operation.responses[String(status)] as Json | undefined;
    if (!response)
      return [
        `${method} ${operation.template}: status ${status} is not documented (documented: ${Object.keys(operation.responses).join(", ")})`,
      ];
    const content = (response.content as Json | undefined)?.["application/json"] as Json | undefined;
    if (!content?.schema) return body === undefined || body === "" ? [] : [];
    const key = `${operation.pointer}/${status}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile({
        $ref: `github-api${operation.pointer}/${status}/content/application~1json/schema`,
      });
      this.compiled.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? [])
      .slice(0, 10)
      .map((error) => `${method} ${operation.template} ${status}: ${error.instancePath || "(root)"} ${error.message}`);
  }
}
