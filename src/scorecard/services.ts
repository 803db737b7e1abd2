import type { DoraResult } from "../dora/compute.js";
import type { DoraBlock, Scorecard } from "../schemas/scorecard.js";
import { doraFigures, hours } from "./compose.js";

type ServiceBlock = NonNullable<DoraBlock["services"]>[number];

/** The scorecard with a per-service block beside the repository's figures (none without services). */
export function withServices(scorecard: Scorecard, services: readonly { name: string; dora: DoraResult }[]): Scorecard {
  if (services.length === 0 || !scorecard.dora) return scorecard;
  return {
    ...scorecard,
    dora: {
      ...scorecard.dora,
      services: services.map(({ name, dora }) => ({ name, ...doraFigures(dora) })),
    },
  };
}

const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`);
const withTier = (value: string, tier: string | null) => (tier ? `${value} (${tier})` : value);

/** One service's row: deployments per week, median lead time, change failure rate, time to restore, rework rate, each with its tier and sample. */
function cells(service: ServiceBlock): string[] {
  const df = service.deploymentFrequency;
  const lt = service.leadTimeForChanges;
  const cfr = service.changeFailureRate;
  const ttr = service.timeToRestore;
  return [
    service.name,
    df.tier === null ? `— (${df.deployments})` : withTier(`${df.perWeek}/week`, df.tier),
    lt.medianHours === null ? "—" : withTier(`${hours(lt.medianHours)}, ${lt.samples} changes`, lt.tier),
    cfr.rate === null ? "—" : withTier(`${percent(cfr.rate)}, ${cfr.failed} of ${cfr.total}`, cfr.tier),
    ttr.medianHours === null ? "—" : withTier(`${hours(ttr.medianHours)}, ${ttr.samples}`, ttr.tier),
    percent(service.reworkRate.rate),
  ];
}

const header = ["service", "deployments", "lead time (median)", "change failure rate", "time to restore", "rework"];

/** The per-service table of the text report, columns aligned; empty without services. */
export function servicesText(scorecard: Scorecard): string[] {
  const services = scorecard.dora?.services ?? [];
  if (services.length === 0) return [];
  const rows = [header, ...services.map(cells)];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return [
    "Per service (dora.services: each service's tags, and only the commits touching its paths)",
    ...rows.map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ")}`.trimEnd()),
  ];
}

/** The per-service table of the job summary (Markdown); empty without services. */
export function servicesMarkdown(scorecard: Scorecard): string[] {
  const services = scorecard.dora?.services ?? [];
  if (services.length === 0) return [];
  const escape = (cell: string) => cell.replace(/\|/g, "\\|");
  return [
    "### Per service",
    "",
    "Each service's deployments are its own tags, its changes only the commits touching its paths (`dora.services`).",
    "",
    `| ${header.map((cell) => cell.charAt(0).toUpperCase() + cell.slice(1)).join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...services.map((service) => `| ${cells(service).map(escape).join(" | ")} |`),
  ];
}
