import { parse, YAMLParseError } from "yaml";
import { record } from "./records.js";
import { maxYamlAliases, maxYamlLength, maxYamlNesting, yamlTooDeepAt } from "./yaml-limits.js";

/** A YAML file read as one mapping, or why it was not: past a limit, or not one YAML document. */
export type YamlRecordReading = { record: Record<string, unknown> } | { refused: string };

export interface YamlRecordOptions {
  /**
   * Rewrites the text after the limits passed and before parsing (CloudFormation's intrinsic
   * tags dropped): the limits hold for what the author wrote, not for what the rewrite leaves.
   */
  prepare?: (text: string) => string;
  /**
   * The parser's warnings (an unresolved tag such as `!Ref`): printed as process warnings on
   * stderr, or kept silent. Either way the document is read.
   */
  warnings?: "print" | "silent";
  /** Resolves YAML 1.1 merge keys (`<<: *build`), for files whose own tool reads them so (GoReleaser). */
  merge?: boolean;
}

/**
 * A YAML document's top-level mapping (a list or a scalar reads as an empty one), refused with a
 * reason past the limits: larger than `maxYamlLength`, nested deeper than `maxYamlNesting`,
 * aliases expanding more than `maxYamlAliases` times, or more than one document. Duplicate keys
 * are not an error (the last wins), as in the tools that read these files.
 */
export function readYamlRecord(text: string, options: YamlRecordOptions = {}): YamlRecordReading {
  const refused = limitRefusal(text);
  if (refused !== undefined) return { refused };
  try {
    const prepared = options.prepare ? options.prepare(text) : text;
    const logLevel = options.warnings === "print" ? "warn" : "error";
    const merge = options.merge ?? false;
    return { record: record(parse(prepared, { uniqueKeys: false, maxAliasCount: maxYamlAliases, logLevel, merge })) };
  } catch (error) {
    return { refused: parseRefusal(error) };
  }
}

/** `readYamlRecord` for readers that skip what they cannot read: the mapping, or undefined. */
export function yamlRecord(text: string | undefined, options?: YamlRecordOptions): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  const reading = readYamlRecord(text, options);
  return "record" in reading ? reading.record : undefined;
}

// Checked before parsing: past them the parser would stall or run out of stack.
function limitRefusal(text: string): string | undefined {
  if (text.length > maxYamlLength)
    return `${text.length} characters of YAML, past the limit of ${maxYamlLength}: not read`;
  const deep = yamlTooDeepAt(text);
  if (deep < 0) return undefined;
  const line = text.slice(0, deep).split("\n").length;
  return `YAML nested deeper than ${maxYamlNesting} levels at line ${line}: not read`;
}

function parseRefusal(error: unknown): string {
  if (error instanceof YAMLParseError && error.code === "MULTIPLE_DOCS")
    return "more than one YAML document where one is read: not read";
  if (error instanceof ReferenceError && /alias count/i.test(error.message))
    return `YAML aliases expanding more than ${maxYamlAliases} times (an alias bomb): not read`;
  if (error instanceof RangeError) return "YAML nested too deeply for the parser: not read";
  const message = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
  return `not valid YAML (${message}): not read`;
}
