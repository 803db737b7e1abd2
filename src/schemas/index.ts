import type { z } from "zod";
import { configSchema } from "./config.js";
import { jsonFiles } from "./data-files.js";
import { orgScorecardSchema } from "./org-scorecard.js";

/** Every schema published as JSON Schema, by file name: the data files' and the config's. */
export const publishedSchemas: Record<string, z.ZodType> = {
  ...Object.fromEntries(Object.values(jsonFiles).map((spec) => [spec.schemaFile, spec.schema])),
  "config.schema.json": configSchema,
  "org_scorecard.schema.json": orgScorecardSchema,
};
