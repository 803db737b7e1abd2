import { describe, expect, it } from "@jest/globals";
import { brief, templateText, validateOne } from "../../support/data-files.js";

const adr = templateText("adrs/adr_2025-06-01_use-postgresql.md");
const superseded = templateText("adrs/adr_2025-01-15_use-mysql.md");
const incident = templateText("incidents/incident_2025-10-14.md");
const validateAdr = (name: string, text: string, others: string[] = []) =>
  validateOne(`adrs/${name}`, text, { knownPaths: others.map((other) => `adrs/${other}`) });

describe("ADR rules", () => {
  it("the file name follows adr_YYYY-MM-DD_slug.md", () => {
    expect(brief(validateAdr("0001-use-postgresql.md", adr))).toEqual(["error adr-file-name@1:1"]);
    expect(validateAdr("adr_2025-13-01_use-postgresql.md", adr)[0]!.message).toBe(
      "ADR file name date 2025-13-01 is not a calendar date",
    );
  });

  it("Status is one of the lifecycle values, pointed at the value", () => {
    const diagnostics = validateAdr(
      "adr_2025-06-01_use-postgresql.md",
      adr.replace("**Status:** accepted", "**Status:** approved"),
    );
    expect(brief(diagnostics)).toEqual(["error adr-status@3:13"]);
    expect(diagnostics[0]!.message).toBe(
      'ADR status "approved" is not one of proposed, accepted, deprecated, superseded',
    );
  });

  it("a missing Status or Date is an error on the title", () => {
    const text = adr.replace("**Status:** accepted\n", "").replace("**Date:** 2025-06-01\n", "");
    expect(brief(validateAdr("adr_2025-06-01_use-postgresql.md", text))).toEqual([
      "error adr-missing-date@1:1",
      "error adr-missing-status@1:1",
    ]);
  });

  it("a superseded ADR names an ADR that exists", () => {
    expect(validateAdr("adr_2025-01-15_use-mysql.md", superseded, ["adr_2025-06-01_use-postgresql.md"])).toEqual([]);
    const missing = validateAdr("adr_2025-01-15_use-mysql.md", superseded);
    expect(brief(missing)).toEqual(["error adr-superseded-target@3:28"]);
    expect(missing[0]!.message).toBe("ADR adr_2025-06-01_use-postgresql.md does not exist in the ADR directory");
    const unnamed = superseded.replace(/\*\*Status:\*\* .*/, "**Status:** superseded");
    expect(validateAdr("adr_2025-01-15_use-mysql.md", unnamed)[0]).toMatchObject({
      code: "adr-superseded-target",
      line: 3,
    });
  });

  it("required sections are errors, Review Date a warning", () => {
    const text = adr.replace("### Consequences", "### Aftermath").replace("### Review Date\n2026-06-01\n", "");
    const diagnostics = validateAdr("adr_2025-06-01_use-postgresql.md", text);
    expect(diagnostics.map((d) => `${d.severity}: ${d.message}`)).toEqual([
      'error: ADR is missing the "### Consequences" section',
      'warning: ADR has no "### Review Date" section: say when to revisit the decision',
    ]);
  });

  it("a field inside a code block or a table is not a field", () => {
    const text = adr.replace("**Status:** accepted\n", "```\n**Status:** accepted\n```\n");
    expect(brief(validateAdr("adr_2025-06-01_use-postgresql.md", text))).toContain("error adr-missing-status@1:1");
  });

  it("accepts `**Status**: Accepted` and a date that differs from the file name only with a warning", () => {
    const text = adr
      .replace("**Status:** accepted", "**Status**: Accepted")
      .replace("**Date:** 2025-06-01", "**Date:** 2025-06-02");
    expect(brief(validateAdr("adr_2025-06-01_use-postgresql.md", text))).toEqual(["warning adr-date@4:11"]);
  });

  it("README.md and template.md in adrs/ are not ADRs", () => {
    expect(validateOne("adrs/README.md", "# ADRs\n")).toEqual([]);
    expect(validateOne("adrs/template.md", "## ADR: [Title]\n")).toEqual([]);
  });
});

describe("post-mortem rules", () => {
  const check = (text: string, name = "incident_2025-10-14.md") => validateOne(`incidents/${name}`, text);

  it("Duration agrees with Started and Resolved, with the expected minutes in the message", () => {
    const diagnostics = check(incident.replace("**Duration:** 47", "**Duration:** 30"));
    expect(brief(diagnostics)).toEqual(["error incident-duration@7:15"]);
    expect(diagnostics[0]!.message).toBe("Duration is 30 minutes but Started to Resolved is 47 minutes; expected 47");
    expect(check(incident.replace("**Duration:** 47", "**Duration:** 47 minutes"))).toEqual([]);
    expect(check(incident.replace("**Duration:** 47", "**Duration:** 48"))).toEqual([]);
  });

  it("reads timestamps with a zone or in UTC", () => {
    const text = incident
      .replace("2025-10-14T14:05:00Z", "2025-10-14T16:05+02:00")
      .replace("2025-10-14T14:52:00Z", "2025-10-14 14:52 UTC");
    expect(check(text)).toEqual([]);
  });

  it("Resolved after Started", () => {
    const text = incident.replace("2025-10-14T14:52:00Z", "2025-10-14T13:52:00Z");
    expect(check(text)[0]).toMatchObject({ code: "date-order", line: 6 });
  });

  it("unreadable timestamps, severities and statuses are errors on the value", () => {
    const text = incident
      .replace("SEV1 (customer-facing outage)", "P1")
      .replace("**Status:** resolved", "**Status:** fixed")
      .replace("2025-10-14T14:05:00Z", "yesterday afternoon");
    expect(brief(check(text))).toEqual([
      "error incident-severity@3:15",
      "error incident-status@4:13",
      "error incident-timestamp@5:14",
    ]);
  });

  it("a resolved incident needs Resolved and every section; an open one only gets warnings", () => {
    const text = incident
      .replace("**Resolved:** 2025-10-14T14:52:00Z\n", "")
      .replace("### Lessons Learned", "### Notes");
    expect(brief(check(text))).toEqual(["error incident-missing-section@1:1", "error incident-missing-field@4:13"]);
    const open = text.replace("**Status:** resolved", "**Status:** investigating");
    expect(brief(check(open))).toEqual(["warning incident-missing-section@1:1"]);
    const openWithDash = open.replace("**Duration:** 47", "**Resolved:** —\n**Duration:** —");
    expect(brief(check(openWithDash))).toEqual(["warning incident-missing-section@1:1"]);
  });

  it("the file name follows incident_YYYY-MM-DD[-N].md and matches the start date", () => {
    expect(check(incident, "incident_2025-10-14-2.md")).toEqual([]);
    expect(brief(check(incident, "outage.md"))).toEqual(["error incident-file-name@1:1"]);
    expect(brief(check(incident, "incident_2025-10-15.md"))).toEqual(["warning incident-date@5:14"]);
  });
});
