import type { PathFinding } from "../../findings/diagnostic.js";
import { isoDateTime } from "../../schemas/common.js";
import { numberAt, objectAt, stringAt } from "./well-formed.js";

const near = (a: number, b: number) => Math.abs(a - b) <= 0.0005;
const timestamp = (value: unknown): string | undefined =>
  isoDateTime.safeParse(value).success ? (value as string) : undefined;

/** The dora block's figures must agree with each other: a reader checks them by hand. */
function doraRules(dora: Record<string, unknown>): PathFinding[] {
  const findings: PathFinding[] = [];
  const cfr = objectAt(dora.changeFailureRate);
  const failed = numberAt(cfr?.failed);
  const total = numberAt(cfr?.total);
  const rate = numberAt(cfr?.rate);
  if (failed !== undefined && total !== undefined) {
    if (failed > total) {
      findings.push({
        path: ["dora", "changeFailureRate", "failed"],
        severity: "error",
        code: "dora-inconsistent",
        message: `\`failed\` (${failed}) exceeds \`total\` (${total})`,
      });
    } else if (total > 0 && rate !== undefined && !near(rate, failed / total)) {
      findings.push({
        path: ["dora", "changeFailureRate", "rate"],
        severity: "error",
        code: "dora-inconsistent",
        message: `\`rate\` is ${rate} but failed/total is ${(failed / total).toFixed(4)}`,
      });
    }
  }
  const rework = objectAt(dora.reworkRate);
  const remediations = numberAt(rework?.remediations);
  const reworkTotal = numberAt(rework?.total);
  if (remediations !== undefined && reworkTotal !== undefined && remediations > reworkTotal) {
    findings.push({
      path: ["dora", "reworkRate", "remediations"],
      severity: "error",
      code: "dora-inconsistent",
      message: `\`remediations\` (${remediations}) exceeds \`total\` (${reworkTotal})`,
    });
  }
  const window = objectAt(dora.window);
  const start = timestamp(window?.start);
  const end = timestamp(window?.end);
  if (start !== undefined && end !== undefined && Date.parse(end) < Date.parse(start)) {
    findings.push({
      path: ["dora", "window", "end"],
      severity: "error",
      code: "date-order",
      message: `window \`end\` ${end} is before \`start\` ${start}`,
    });
  }
  return findings;
}

/**
 * A snapshot's file date equals its `generatedAt` UTC date, `syncId` agrees, debt counts and the
 * dora block are consistent. `fileDate` is the YYYY-MM-DD of a snapshot's file name, absent for
 * the live scorecard. Judged on whatever is well-formed.
 */
export function scorecardRules(document: unknown, fileDate?: string): PathFinding[] {
  const findings: PathFinding[] = [];
  const scorecard = objectAt(document);
  const generatedAt = timestamp(scorecard?.generatedAt);
  const generatedDate = generatedAt === undefined ? undefined : new Date(generatedAt).toISOString().slice(0, 10);
  if (generatedDate !== undefined && fileDate !== undefined && fileDate !== generatedDate) {
    findings.push({
      path: ["generatedAt"],
      severity: "error",
      code: "snapshot-date-mismatch",
      message: `snapshot file is dated ${fileDate} but \`generatedAt\` is ${generatedAt} (UTC date ${generatedDate}); expected a ${fileDate} timestamp`,
    });
  }
  const syncDate = /^sync_(\d{4}-\d{2}-\d{2})$/.exec(stringAt(scorecard?.syncId) ?? "")?.[1];
  if (generatedDate !== undefined && syncDate !== undefined && syncDate !== generatedDate) {
    findings.push({
      path: ["syncId"],
      severity: "warning",
      code: "sync-id-date",
      message: `\`syncId\` is dated ${syncDate} but \`generatedAt\` is on ${generatedDate}`,
    });
  }
  const debt = objectAt(scorecard?.techDebt);
  const critical = numberAt(debt?.criticalItems);
  const total = numberAt(debt?.totalItems);
  if (critical !== undefined && total !== undefined && critical > total) {
    findings.push({
      path: ["techDebt", "criticalItems"],
      severity: "error",
      code: "summary-mismatch",
      message: `\`techDebt.criticalItems\` (${critical}) exceeds \`techDebt.totalItems\` (${total})`,
    });
  }
  const dora = objectAt(scorecard?.dora);
  if (dora) findings.push(...doraRules(dora));
  return findings;
}
