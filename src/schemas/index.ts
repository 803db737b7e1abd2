import type { z } from "zod";
import { configSchema } from "./config.js";
import { infraCostsSchema } from "./infra-costs.js";
import { scorecardSchema } from "./scorecard.js";
import { teamSchema } from "./team.js";
import { techDebtSchema } from "./tech-debt.js";
import { techStackSchema } from "./tech-stack.js";

export type JsonKind = "tech_stack" | "engineering_scorecard" | "tech_debt" | "infra_costs" | "team" | "scorecard_snapshot";

export interface JsonKindInfo {
  kind: JsonKind;
  schema: z.ZodType;
  /** Name of the generated JSON Schema file under schemas/. */
  schemaFile: string;
}

/** JSON data files, by their path inside the data directory. */
export const jsonKinds: Record<JsonKind, JsonKindInfo> = {
  tech_stack: { kind: "tech_stack", schema: techStackSchema, schemaFile: "tech_stack.schema.json" },
  engineering_scorecard: { kind: "engineering_scorecard", schema: scorecardSchema, schemaFile: "engineering_scorecard.schema.json" },
  tech_debt: { kind: "tech_debt", schema: techDebtSchema, schemaFile: "tech_debt.schema.json" },
  infra_costs: { kind: "infra_costs", schema: infraCostsSchema, schemaFile: "infra_costs.schema.json" },
  team: { kind: "team", schema: teamSchema, schemaFile: "team.schema.json" },
  scorecard_snapshot: { kind: "scorecard_snapshot", schema: scorecardSchema, schemaFile: "engineering_scorecard.schema.json" },
};

/** Every schema published as JSON Schema, by file name. */
export const publishedSchemas: Record<string, z.ZodType> = {
  "tech_stack.schema.json": techStackSchema,
  "engineering_scorecard.schema.json": scorecardSchema,
  "tech_debt.schema.json": techDebtSchema,
  "infra_costs.schema.json": infraCostsSchema,
  "team.schema.json": teamSchema,
  "config.schema.json": configSchema,
};

export { configSchema, infraCostsSchema, scorecardSchema, teamSchema, techDebtSchema, techStackSchema };
