/**
 * Where a published JSON Schema can be fetched: its `$id`, the `$schema` of the data files `init`
 * writes and the `yaml-language-server` line of the config file. An https URL on the default
 * branch, as the SchemaStore catalog asks of the schemas it lists.
 */
export const schemaUrl = (file: string) => `https://raw.githubusercontent.com/cto-copilot/cto-copilot/main/schemas/${file}`;

/** The comment that gives editors (the YAML language server) the config file's schema. */
export const configSchemaComment = `# yaml-language-server: $schema=${schemaUrl("config.schema.json")}`;
