import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { z } from "zod";
import { parseDataJson } from "../schemas/parse-data.js";

/**
 * Reads one data file for use (not for reporting): undefined when absent; when it is not
 * valid, a warning names the file and points at `cto-copilot validate`.
 */
export async function readDataJson<T>(root: string, path: string, schema: z.ZodType<T>, warn: (message: string) => void): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(join(root, path), "utf8");
  } catch {
    return undefined;
  }
  const value = parseDataJson(schema, text);
  if (value !== undefined) return value;
  warn(`${path} is not valid and was left out; run \`cto-copilot validate\` for details`);
  return undefined;
}
