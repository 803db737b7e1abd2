import { count } from "../../text/plural.js";
import type { Area } from "../stage-advice.js";
import type { Facts } from "./facts.js";

/** The security and infrastructure figures, and the one any area below target is cited by. */

export function securityFigure(facts: Facts): string {
  const { security } = facts.scorecard;
  const parts = [
    ...(facts.alerts > 0 ? [count(facts.alerts, "open Dependabot alert")] : []),
    ...(facts.securityMissing.length > 0
      ? [`missing for the ${facts.stage} stage: ${facts.securityMissing.join(", ")}`]
      : []),
  ];
  return parts.length > 0
    ? `security is ${security.status}: ${parts.join("; ")}`
    : `security is ${security.status} (${security.reason ?? "no reason given"})`;
}

export function infrastructureFigure(facts: Facts): string {
  const { infrastructure } = facts.scorecard;
  return `infrastructure cost is ${infrastructure.status ?? "unknown"} (${infrastructure.reason ?? "no reason given"})`;
}

/** Why delivery is not measured: where no deployment was found, or no DORA figures at all. */
export function whereFrom(facts: Facts): string {
  return facts.source && facts.window
    ? `No deployment was found from the \`${facts.source}\` source in the ${facts.window.days} days to ${facts.window.end}`
    : "The scorecard has no DORA figures";
}

export function areaFigure(facts: Facts, area: Area): string {
  if (area === "security") return securityFigure(facts);
  if (area === "infrastructure") return infrastructureFigure(facts);
  if (area === "measurement") return `${whereFrom(facts)}: delivery is not measured`;
  return facts.figure(area, { verb: true, status: true });
}
