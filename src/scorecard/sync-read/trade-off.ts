import { areaNames, type Area } from "../stage-advice.js";
import { unmeasured, type Facts } from "./facts.js";
import { areaFigure } from "./figures.js";
import { ranked } from "./ranking.js";
import type { Chosen } from "./priority.js";
import { capitalize, list, quoted } from "./wording.js";

/** "With 7 engineers, one deployable…", or without the headcount when it is not recorded. */
const withTeam = (facts: Facts, rest: string) =>
  facts.scorecard.team.headcount > 0 ? `With ${facts.team}, ${rest}` : capitalize(rest);

/** What the stage does not need yet, tied to the team and the constraints recorded. */
function notYet(facts: Facts): string {
  const soc2Required = facts.compliance.find((requirement) => /soc ?2/i.test(requirement));
  const kubernetes = facts.kubernetes
    ? `no further platform work on ${facts.kubernetes} (tech_stack.json lists it)`
    : "no Kubernetes";
  const soc2 = (text: string) => (soc2Required ? [] : [text]);
  const kept = soc2Required ? ` ${soc2Required} stays: tech_stack.json records it as required.` : "";
  switch (facts.stage) {
    case "survival":
      return `Not now: ${list(["no microservices split", kubernetes, ...soc2("no SOC2 yet")])}. ${withTeam(facts, "one deployable service on a managed host ships fastest, and the survival stage's security minimum is HTTPS, secrets outside the code, basic authentication and backups.")}${kept}`;
    case "foundation":
      return `Not now: ${list(["no microservices split", kubernetes, ...soc2("no SOC2 Type 2")])}. ${withTeam(facts, "the foundation stage asks for CI/CD, monitoring and code review first; SOC2 Type 1 belongs to the scale stage and Type 2 to optimize.")}${kept}`;
    case "scale":
      return `Not now: ${list(["no rewrite or re-platforming", ...soc2("no SOC2 Type 2"), "no bug bounty"])}. At the scale stage (${facts.team}) the bar is SLOs, incident response, penetration tests and SOC2 Type 1; Type 2 and a bug bounty come at the optimize stage.${kept}`;
    case "optimize":
      return `Not now: no new frameworks or platforms. At the optimize stage (${facts.team}) the return is in the productivity and cost of what already runs.`;
  }
}

/** What is explicitly not done: what the stage does not need yet, and what else is below target but waits. */
export function tradeOff(facts: Facts, priority: Pick<Chosen, "area" | "roadmap">): string {
  const first = ranked(facts);
  // Debt is chosen for the area it holds back (the first of the ranking), unless a roadmap item waits on it.
  const chosen: Area | undefined =
    priority.area === "debt" || priority.area === "hold"
      ? priority.roadmap
        ? undefined
        : first[0]?.area
      : priority.area;
  const deferred = first.filter((candidate) => candidate.area !== chosen && candidate.area !== "security").slice(0, 2);
  const sentences = [notYet(facts)];
  if (deferred.length > 0) {
    const names = deferred.map((candidate) => areaFigure(facts, candidate.area));
    const what = chosen ? areaNames[chosen] : "the priority";
    const lesser = first[0]?.status === "red" && deferred.every((candidate) => candidate.status === "yellow");
    const why = priority.roadmap
      ? `What ${quoted(priority.roadmap.item.title)} needs by ${priority.roadmap.dueBy} comes first.`
      : lesser
        ? `${capitalize(what)} comes first: it is red.`
        : `At the ${facts.stage} stage ${what} comes first.`;
    sentences.push(`Also below target, and left for later on purpose: ${names.join("; ")}. ${why}`);
  } else if (unmeasured(facts))
    sentences.push("No delivery target is chased until deployments are measured: there is no figure to hold it to.");
  return sentences.join(" ");
}
