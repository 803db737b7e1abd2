import type { SyncInputs } from "../sync-read.js";
import { count } from "../../text/plural.js";
import { hours } from "../compose.js";
import { areaNames, type MetricKey } from "../stage-advice.js";
import { percent } from "./wording.js";

/** What a metric's figure rests on: "median of 30 changes, p90 2.1 days"; undefined when nothing says. */
function basisOf({ scorecard, dora }: SyncInputs, key: MetricKey): string | undefined {
  const block = scorecard.dora;
  const samples = scorecard.health[key].samples;
  const days = (dora ?? block)?.window.days;
  if (key === "deploymentFrequency" && samples !== undefined)
    return `${count(samples, "deployment")}${days ? ` in ${days} days` : ""}`;
  if (key === "leadTime" && samples !== undefined) {
    const p90 = dora?.leadTimeForChanges.p90Hours ?? block?.leadTimeForChanges.p90Hours ?? null;
    return `median of ${count(samples, "change")}${p90 !== null ? `, p90 ${hours(p90)}` : ""}`;
  }
  if (key === "changeFailureRate") {
    const cfr = dora?.changeFailureRate ?? block?.changeFailureRate;
    return cfr
      ? `${cfr.failed} of ${count(cfr.total, "deployment")} failed`
      : samples !== undefined
        ? count(samples, "deployment")
        : undefined;
  }
  if (key === "mttr" && samples !== undefined)
    return dora?.timeToRestore.basis === "incidents"
      ? `median of ${count(samples, "incident")}`
      : dora
        ? `median of ${count(samples, "failed deployment")} to the one that restored it`
        : `median of ${count(samples, "sample")}`;
  return undefined;
}

/** A metric with its figure, target and what it rests on: "lead time for changes 12.3 days (red; target < 1 week; median of 30 changes)". */
export function metricFigure(
  inputs: SyncInputs,
  key: MetricKey,
  options: { verb?: boolean; status?: boolean } = {},
): string {
  const metric = inputs.scorecard.health[key];
  const name = areaNames[key];
  if (metric.status === "unknown") return `${name} not measured (${metric.reason ?? "no figure"})`;
  const current =
    metric.current === null
      ? "not given"
      : key === "changeFailureRate" && typeof metric.current === "number"
        ? percent(metric.current)
        : String(metric.current);
  const basis = basisOf(inputs, key);
  const parts = [
    ...(options.status ? [metric.status] : []),
    ...(metric.target !== null ? [`target ${metric.target}`] : []),
    ...(basis ? [basis] : []),
  ];
  return `${name}${options.verb ? " is" : ""} ${current}${parts.length > 0 ? ` (${parts.join("; ")})` : ""}`;
}
