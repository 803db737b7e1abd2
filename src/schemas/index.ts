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

export type { JsonKind } from "./data-files.js";
export { configSchema };
export { orgScorecardSchema };
export { infraCostsSchema } from "./infra-costs.js";
export { scorecardSchema } from "./scorecard.js";
export { teamSchema } from "./team.js";
export { techDebtSchema } from "./tech-debt.js";
export { techStackSchema } from "./tech-stack.js";
