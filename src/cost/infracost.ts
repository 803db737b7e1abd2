import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";
import { LineIndex } from "../text/line-index.js";
import { record } from "../text/records.js";
import type { ChangeCost, CostItem } from "./change-cost.js";

/**
 * Infracost's JSON (`infracost diff --format json`, or `infracost breakdown --format json` with
 * a baseline): the monthly change is its `diffTotalMonthlyCost`, used as given; the items are
 * the resources of each project's diff. Infracost writes money as decimal strings.
 */
export type InfracostRead = { ok: true; cost: ChangeCost } | { ok: false; problem: string };

const money = (value: unknown): number | undefined => {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value !== "string" || !/^-?\d+(\.\d+)?$/.test(value.trim())) return undefined;
  return Number(value);
};

/** The projects' resources, each with the change Infracost priced for it; nested resources are summed in their parent's figure. */
function itemsOf(projects: unknown[]): CostItem[] {
  return projects.flatMap((value) => {
    const project = record(value);
    const file = String(record(project.metadata).path ?? project.name ?? "");
    const resources = record(project.diff).resources ?? record(project.breakdown).resources;
    if (!Array.isArray(resources)) return [];
    return resources.flatMap((entry) => {
      const resource = record(entry);
      const monthlyDelta = money(resource.monthlyCost);
      if (typeof resource.name !== "string" || monthlyDelta === undefined) return [];
      return [{ file, resource: resource.name, monthlyDelta, basis: "Infracost" }];
    });
  });
}

/** `origin` names the file in every problem ("infracost.json line 3, column 5: ..."). */
export function readInfracost(text: string, origin: string): InfracostRead {
  const errors: ParseError[] = [];
  const json: unknown = parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0) {
    const { line, column } = new LineIndex(text).position(errors[0]!.offset);
    return { ok: false, problem: `${origin} line ${line}, column ${column}: ${printParseErrorCode(errors[0]!.error)}` };
  }
  const top = record(json);
  if (!Array.isArray(top.projects))
    return {
      ok: false,
      problem: `${origin}: not Infracost JSON (no "projects" list); use infracost diff --format json`,
    };
  const total = money(top.totalMonthlyCost);
  const past = money(top.pastTotalMonthlyCost);
  const delta =
    money(top.diffTotalMonthlyCost) ?? (total !== undefined && past !== undefined ? total - past : undefined);
  if (delta === undefined)
    return {
      ok: false,
      problem: `${origin}: no diffTotalMonthlyCost (run infracost diff, or breakdown with --compare-to)`,
    };
  const currency = typeof top.currency === "string" && /^[A-Z]{3}$/.test(top.currency) ? top.currency : "USD";
  return {
    ok: true,
    cost: { monthlyDelta: delta, currency, source: "infracost", items: itemsOf(top.projects), unknown: [], labels: [] },
  };
}
