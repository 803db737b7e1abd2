import { posix } from "node:path";
import type { FileView } from "../ports/repository-view.js";
import { dataDirOf, type Config } from "../schemas/config.js";
import { jsonRecord } from "../text/records.js";

/** The company's own files the cost and the fit read, parsed (absent or not JSON: undefined). */
export interface CompanyFacts {
  techStack?: Record<string, unknown>;
  infraCosts?: Record<string, unknown>;
  team?: Record<string, unknown>;
  /** `data/cfo/latest_forecast.json`, beside the engineering data directory. */
  forecast?: Record<string, unknown>;
}

/**
 * Reads tech_stack.json, infra_costs.json, team.json and the CFO's forecast at a ref, in one
 * read. Their shape is the data check's business: here each is read for the few figures it
 * gives (the stage, the headcount, the budget, the latest spend, the runway).
 */
export async function readCompanyFacts(view: FileView, ref: string, config: Config): Promise<CompanyFacts> {
  const dataDir = dataDirOf(config);
  const paths = {
    techStack: `${dataDir}/tech_stack.json`,
    infraCosts: `${dataDir}/infra_costs.json`,
    team: `${dataDir}/team.json`,
    forecast: posix.join(posix.dirname(dataDir), "cfo/latest_forecast.json"),
  };
  const read = await view.readContents(ref, { files: Object.values(paths) });
  const facts: CompanyFacts = {};
  for (const [name, path] of Object.entries(paths) as [keyof CompanyFacts, string][]) {
    const parsed = jsonRecord(read.files.get(path)?.text ?? undefined);
    if (parsed) facts[name] = parsed;
  }
  return facts;
}
