/** The text of src/config/default-config.ts for these defaults (the schema's output for an empty config). */
export function renderDefaultConfig(defaults: unknown): Promise<string>;
