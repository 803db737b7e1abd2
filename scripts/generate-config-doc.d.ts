// Types for what the tests use of scripts/generate-config-doc.js.
/** docs/config.md rendered from the config's JSON Schema (schemas/config.schema.json, parsed). */
export declare function renderConfigDoc(schema: Record<string, unknown>): string;
