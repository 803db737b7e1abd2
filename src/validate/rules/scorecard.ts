import type { Scorecard } from "../../schemas/scorecard.js";
import type { PathFinding } from "../json-document.js";

const near = (a: number, b: number) => Math.abs(a - b) <= 0.0005;

/** The dora block's figures must agree with each other: a reader checks them by hand. */
function doraRules(dora: NonNullable<Scorecard["dora"]>): PathFinding[] {
  const findings: PathFinding[] = [];
  const { changeFailureRate: cfr, reworkRate: rework } = dora;
  if (cfr.failed > cfr.total) {
    findings.push({ path: ["dora", "changeFailureRate", "failed"], severity: "error", code: "dora-inconsistent", message: `\`failed\` (${cfr.failed}) exceeds \`total\` (${cfr.total})` });
  } else if (cfr.total > 0 && cfr.rate !== null && !near(cfr.rate, cfr.failed / cfr.total)) {
    findings.push({ path: ["dora", "changeFailureRate", "rate"], severity: "error", code: "dora-inconsistent", message: `\`rate\` is ${cfr.rate} but failed/total is ${(cfr.failed / cfr.total).toFixed(4)}` });
  }
  if (rework.remediations > rework.total) {
    findings.push({ path: ["dora", "reworkRate", "remediations"], severity: "error", code: "dora-inconsistent", message: `\`remediations\` (${rework.remediations}) exceeds \`total\` (${rework.total})` });
  }
  if (Date.parse(dora.window.end) < Date.parse(dora.window.start)) {
    findings.push({ path: ["dora", "window", "end"], severity: "error", code: "date-order", message: `window \`end\` ${dora.window.end} is before \`start\` ${dora.window.start}` });
  }
  return findings;
}

/** `fileDate` is the YYYY-MM-DD of a snapshot's file name, absent for the live scorecard. */
export function scorecardRules(scorecard: Scorecard, fileDate?: string): PathFinding[] {
  const findings: PathFinding[] = [];
  const generatedDate = new Date(scorecard.generatedAt).toISOString().slice(0, 10);
  if (fileDate !== undefined && fileDate !== generatedDate) {
    findings.push({
      path: ["generatedAt"],
      severity: "error",
      code: "snapshot-date-mismatch",
      message: `snapshot file is dated ${fileDate} but \`generatedAt\` is ${scorecard.generatedAt} (UTC date ${generatedDate}); expected a ${fileDate} timestamp`,
    });
  }
  const syncDate = /^sync_(\d{4}-\d{2}-\d{2})$/.exec(scorecard.syncId ?? "")?.[1];
  if (syncDate !== undefined && syncDate !== generatedDate) {
    findings.push({ path: ["syncId"], severity: "warning", code: "sync-id-date", message: `\`syncId\` is dated ${syncDate} but \`generatedAt\` is on ${generatedDate}` });
  }
  if (scorecard.techDebt.criticalItems > scorecard.techDebt.totalItems) {
    findings.push({
      path: ["techDebt", "criticalItems"],
      severity: "error",
      code: "summary-mismatch",
      message: `\`techDebt.criticalItems\` (${scorecard.techDebt.criticalItems}) exceeds \`techDebt.totalItems\` (${scorecard.techDebt.totalItems})`,
    });
  }
  if (scorecard.dora) findings.push(...doraRules(scorecard.dora));
  return findings;
}
