import type { Finding } from "../findings/diagnostic.js";
import { maxTechnicalContextBytes } from "../schemas/data-files.js";
import { acceptDecodedText, decodeDataFile } from "./decode.js";

/**
 * CLAUDE.md is optional context for the AI drafts, not a data file: what would make it unusable
 * (binary, not UTF-8, over its size limit, NUL bytes) is a warning saying the drafts go without
 * it. A byte order mark is harmless there (the drafts drop it).
 */
export function technicalContextFindings(file: { size: number; bytes?: Uint8Array; text?: string; binary?: boolean }): {
  text: string;
  findings: Finding[];
} {
  const asWarning = (finding: Finding): Finding => ({
    ...finding,
    severity: "warning",
    message: `${finding.message.replace(/; data files must be UTF-8$/, "").replace(/ \(validation\.maxFileSizeBytes\)/, " for CLAUDE.md")}; the AI drafts go without it`,
  });
  const at = { span: { start: 0, end: 0 }, severity: "warning" as const };
  if (file.binary)
    return {
      text: "",
      findings: [
        { ...at, code: "invalid-utf8", message: "GitHub reports CLAUDE.md as binary; the AI drafts go without it" },
      ],
    };
  const decoded =
    file.bytes === undefined && file.text !== undefined
      ? acceptDecodedText(file.text, file.size, maxTechnicalContextBytes)
      : decodeDataFile(file.bytes ?? new Uint8Array(), file.size, maxTechnicalContextBytes);
  const findings = decoded.findings.filter((finding) => finding.code !== "byte-order-mark").map(asWarning);
  const nul = decoded.ok ? decoded.text.indexOf("\u0000") : -1;
  if (nul >= 0)
    findings.push({
      span: { start: nul, end: nul + 1 },
      severity: "warning",
      code: "binary-content",
      message: "CLAUDE.md holds a NUL byte, so it is binary, not text; the AI drafts go without it",
    });
  return { text: decoded.text, findings };
}
