import { describe, expect, it } from "@jest/globals";
import { decisionLogIsCurrent, updateDecisionLog, type LoggedAdr } from "../../../src/adr/decision-log.js";
import { addSupersedes, markSuperseded } from "../../../src/adr/supersede.js";
import { parseAdr } from "../../../src/adr/parse-adr.js";
import { readAdr } from "../../../src/adr/read-adr.js";
import { adrReviewDate } from "../../../src/adr/review-date.js";

const adrs: LoggedAdr[] = [
  {
    path: "adrs/adr_2025-01-15_use-mysql.md",
    title: "Use MySQL",
    status: "superseded",
    date: "2025-01-15",
    supersededBy: ["adr_2025-06-01_use-postgresql.md"],
    reviewDate: "2025-07-15",
  },
  {
    path: "adrs/adr_2025-06-01_use-postgresql.md",
    title: "Use PostgreSQL | RDS",
    status: "accepted",
    date: "2025-06-01",
    supersededBy: [],
  },
];

describe("the decision log", () => {
  it("lists every ADR newest first between markers, and keeps a person's text around them", () => {
    const first = updateDecisionLog(undefined, adrs);
    expect(first).toContain(
      "| 2025-06-01 | [Use PostgreSQL \\| RDS](adr_2025-06-01_use-postgresql.md) | accepted | — | — |\n| 2025-01-15 | [Use MySQL](adr_2025-01-15_use-mysql.md) | superseded | [adr_2025-06-01_use-postgresql](adr_2025-06-01_use-postgresql.md) | 2025-07-15 |",
    );
    const edited = `# Our decisions\n\nRead these first.\n\n${first.slice(first.indexOf("<!--"))}\nA footnote a person wrote.\n`;
    expect(decisionLogIsCurrent(edited, adrs)).toBe(true);
    const more = [
      ...adrs,
      {
        path: "adrs/adr_2025-11-03_use-redis.md",
        title: "Use Redis",
        status: "proposed" as const,
        date: "2025-11-03",
        supersededBy: [],
      },
    ];
    expect(decisionLogIsCurrent(edited, more)).toBe(false);
    const updated = updateDecisionLog(edited, more);
    expect(updated.startsWith("# Our decisions\n\nRead these first.\n\n<!-- cto-copilot:decision-log:start -->")).toBe(
      true,
    );
    expect(updated.endsWith("<!-- cto-copilot:decision-log:end -->\n\nA footnote a person wrote.\n")).toBe(true);
    expect(updated).toContain("| 2025-11-03 | [Use Redis](adr_2025-11-03_use-redis.md) | proposed |");
  });

  it("a README without markers gets the table at its end; one without them is never judged stale", () => {
    expect(decisionLogIsCurrent("# ADRs\nhand-made\n", adrs)).toBe(true);
    expect(updateDecisionLog("# ADRs\nhand-made\n", adrs)).toMatch(
      /^# ADRs\nhand-made\n\n<!-- cto-copilot:decision-log:start -->[\s\S]*end -->\n$/,
    );
  });
});

const projectAdr = [
  "## ADR: Use PostgreSQL",
  "",
  "**Status:** accepted",
  "**Date:** 2025-06-01",
  "**Deciders:** Ada",
  "",
  "### Context",
  "x",
  "",
  "### Review Date",
  "2026-06-01 (or sooner)",
  "",
].join("\n");

describe("superseding", () => {
  it("marks the old record superseded with a link, and the new one names the old, in every format the validator reads", () => {
    const old = markSuperseded(projectAdr, "adr_2025-11-03_use-cockroachdb.md");
    expect(old).toBe(
      projectAdr.replace(
        "**Status:** accepted",
        "**Status:** superseded by [adr_2025-11-03_use-cockroachdb](adr_2025-11-03_use-cockroachdb.md)",
      ),
    );
    expect(parseAdr(old)).toMatchObject({
      status: { known: "superseded" },
      supersededBy: [{ file: "adr_2025-11-03_use-cockroachdb.md" }],
    });
    const added = addSupersedes(
      "## ADR: New\n\n**Status:** proposed\n**Date:** 2025-11-03\n**Deciders:** Ada\n\n### Context\n",
      "adrs/adr_2025-06-01_use-postgresql.md",
    );
    expect(parseAdr(added).supersedes.map((reference) => reference.file)).toEqual(["adr_2025-06-01_use-postgresql.md"]);

    const nygard = "# 2. Use PostgreSQL\n\nDate: 2025-06-01\n\n## Status\n\nAccepted\n\n## Context\n\nx\n";
    expect(readAdr("doc/adr/0002-use-postgresql.md", markSuperseded(nygard, "adr_2025-11-03_x.md"))).toMatchObject({
      status: "superseded",
      supersededBy: ["adr_2025-11-03_x.md"],
    });
    const madr = "---\nstatus: accepted\ndate: 2025-06-01\n---\n# Use PostgreSQL\n\nx\n";
    expect(readAdr("0002-use-postgresql.md", markSuperseded(madr, "adr_2025-11-03_x.md"))).toMatchObject({
      status: "superseded",
      supersededBy: ["adr_2025-11-03_x.md"],
    });
    expect(() => markSuperseded("# Notes\n\nno status\n", "x.md")).toThrow("no status");
  });

  it("reads the review date from the Review Date section or line, and only a calendar date", () => {
    expect(adrReviewDate(projectAdr)).toBe("2026-06-01");
    expect(adrReviewDate("## ADR: X\n\n**Review Date:** 2026-02-28\n")).toBe("2026-02-28");
    expect(adrReviewDate("## ADR: X\n\n### Review Date\nIn a year, or 2026-02-30.\n")).toBeUndefined();
  });
});
