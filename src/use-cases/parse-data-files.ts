import * as z from "zod";
import type { Logger } from "../ports/logger.js";
import type { RepositoryContents } from "../ports/repository-view.js";
import { cfoForecastPath, roadmapPath, type FixedJsonKind } from "../schemas/data-layout.js";
import { infraCostsSchema } from "../schemas/infra-costs.js";
import { parseDataJson } from "../schemas/parse-data.js";
import { roadmapSchema } from "../schemas/roadmap.js";
import { scorecardSchema } from "../schemas/scorecard.js";
import { teamSchema } from "../schemas/team.js";
import { techDebtSchema } from "../schemas/tech-debt.js";
import { techStackSchema } from "../schemas/tech-stack.js";

const leniently = z.record(z.string(), z.unknown());

/**
 * The data files the scorecard is composed from, parsed against their schemas; an invalid one is
 * left out with a warning (validation says why). Its own module: the schemas load only when a
 * repository has one of these files.
 */
export function parseDataFiles(contents: RepositoryContents, dataFiles: Record<FixedJsonKind, string>, log: Logger) {
  const text = (path: string) => contents.files.get(path)?.text ?? undefined;
  const read = <T>(path: string, schema: z.ZodType<T>): T | undefined => {
    const value = parseDataJson(schema, text(path));
    if (value === undefined && text(path))
      log.warn(`${path} is not valid and was left out; run \`cto-copilot validate\` for details`);
    return value;
  };
  return {
    team: read(dataFiles.team, teamSchema),
    previous: read(dataFiles.engineering_scorecard, scorecardSchema),
    techStack: read(dataFiles.tech_stack, techStackSchema),
    techDebt: read(dataFiles.tech_debt, techDebtSchema),
    infraCosts: read(dataFiles.infra_costs, infraCostsSchema),
    cfoForecast: read(cfoForecastPath, leniently),
    roadmap: read(roadmapPath, roadmapSchema),
  };
}
