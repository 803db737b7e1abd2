import { dayOf, planFollowUp, type FollowUpPlan } from "../../follow-up/plan.js";
import { workingTree } from "../../ports/repository-view.js";
import { isCalendarDate, parseIsoDateTime } from "../../schemas/iso-time.js";
import { dataLayoutOf } from "../../schemas/data-files.js";
import { loadConfig } from "../../use-cases/load-config.js";
import { readFollowUpRecords } from "../../use-cases/read-follow-up.js";
import { colorsFor, exitCodes, UsageError, type CliIo } from "../io.js";
import { localContext } from "../local-context.js";
import { repositoryRoot } from "../repository-root.js";

export interface FollowUpOptions {
  root?: string;
  now?: string;
  format: "text" | "json";
}

/** `--now`: an ISO 8601 time with a zone, or a plain day (its start, UTC). */
function nowOf(io: CliIo, given: string | undefined): Date {
  if (given === undefined) return io.now();
  const now = isCalendarDate(given) ? new Date(`${given}T00:00:00Z`) : parseIsoDateTime(given);
  if (!now)
    throw new UsageError(`--now ${given} is not a time: give ISO 8601 (2025-11-03T00:00:00Z) or a day (2025-11-03)`);
  return now;
}

/** `cto-copilot follow-up`: what the post-mortems and ADRs promised, and what is overdue, from the local files alone. */
export async function followUpCommand(options: FollowUpOptions, io: CliIo): Promise<number> {
  const root = await repositoryRoot(io, options.root);
  const today = dayOf(nowOf(io, options.now));
  const context = localContext(io, { root });
  const { config } = (await loadConfig(context.view, workingTree)).resolved;
  const records = await readFollowUpRecords(context.view, workingTree, dataLayoutOf(config));
  const plan = planFollowUp(records.actionItems, records.adrs, today);
  io.stdout.write(options.format === "json" ? JSON.stringify(plan) + "\n" : formatFollowUpText(plan, today, io));
  return exitCodes.ok;
}

/** The plan for a person: open action items first (overdue marked), then the ADRs to review. */
function formatFollowUpText(plan: FollowUpPlan, today: string, io: CliIo): string {
  const colors = colorsFor(io);
  const open = plan.actionItems.filter((item) => item.status === "open");
  const overdue = open.filter((item) => item.overdue).length;
  const reviews = plan.adrReviews.filter((adr) => adr.overdue).length;
  const lines = [
    `Follow-up on ${today}: ${open.length} open action item${open.length === 1 ? "" : "s"} (${overdue} overdue), ${plan.actionItems.length - open.length} done; ${reviews} of ${plan.adrReviews.length} accepted ADR${plan.adrReviews.length === 1 ? "" : "s"} past review`,
  ];
  if (open.length > 0) lines.push("", "Open action items:");
  for (const item of open)
    lines.push(
      `  ${item.overdue ? colors.red("overdue") : "open   "}  ${item.due ?? "no date   "}  ${item.action}${item.owner ? ` (${item.owner})` : ""}  ${colors.gray(item.file)}`,
    );
  if (plan.adrReviews.length > 0) lines.push("", "ADR reviews:");
  for (const adr of plan.adrReviews)
    lines.push(
      `  ${adr.overdue ? colors.red("past   ") : "due    "}  ${adr.reviewDate}  ${adr.title}  ${colors.gray(adr.file)}`,
    );
  return lines.join("\n") + "\n";
}
