import { adrCheckJson, formatAdrCheckText } from "../adr-check-report.js";
import { colorsFor, exitCodes, UsageError, type CliIo } from "../io.js";
import { reviewWorkingTree } from "../local-review.js";
import { repositoryRoot } from "../repository-root.js";

/** `cto-copilot adr check --base REF`: the ADR part of the pull-request review, on the working tree against a base. */
export async function adrCheckCommand(
  options: { root?: string; base?: string; format: "text" | "json"; strict?: boolean; verbose?: boolean },
  io: CliIo,
): Promise<number> {
  if (!options.base)
    throw new UsageError(
      "adr check needs --base REF: the commit to compare the working tree with, e.g. --base origin/main",
    );
  const root = await repositoryRoot(io, options.root);
  const { outcomes, snapshot } = await reviewWorkingTree(io, { root, base: options.base, only: ["adr"] });
  const { config } = snapshot.resolved;
  const assessment = outcomes.adr!.assessment!;
  const report = {
    base: options.base,
    verbose: options.verbose === true || config.adr.report === "all",
    threshold: config.adr.threshold,
  };
  io.stdout.write(
    options.format === "json"
      ? JSON.stringify(adrCheckJson(assessment, report)) + "\n"
      : formatAdrCheckText(assessment, report, colorsFor(io)),
  );
  return options.strict && assessment.suggested ? exitCodes.findings : exitCodes.ok;
}
