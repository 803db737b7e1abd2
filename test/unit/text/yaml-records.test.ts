import { afterEach, beforeEach, describe, expect, it, jest } from "@jest/globals";
import { maxYamlAliases, maxYamlLength, maxYamlNesting, yamlTooDeepAt } from "../../../src/text/yaml-limits.js";
import { readYamlRecord, yamlRecord } from "../../../src/text/yaml-records.js";

/** Ten anchors of ten aliases each: a few lines that expand to 10^depth nodes when read. */
function aliasBomb(depth: number): string {
  const lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x, x]"];
  for (let level = 1; level <= depth; level++)
    lines.push(`l${level}: &l${level} [${Array.from({ length: 10 }, () => `*l${level - 1}`).join(", ")}]`);
  return lines.join("\n") + "\n";
}

describe("a YAML file read as one mapping", () => {
  it("gives the top-level mapping; a list, a scalar or an empty file reads as an empty one", () => {
    expect(yamlRecord("services:\n  web:\n    image: nginx:1.27\n")).toEqual({
      services: { web: { image: "nginx:1.27" } },
    });
    expect(yamlRecord("- a\n- b\n")).toEqual({});
    expect(yamlRecord("just text\n")).toEqual({});
    expect(yamlRecord("")).toEqual({});
    expect(yamlRecord(undefined)).toBeUndefined();
  });

  it("takes the last of duplicate keys, as the tools that read these files do", () => {
    expect(yamlRecord("image: a\nimage: b\n")).toEqual({ image: "b" });
  });

  it("reads CloudFormation's unknown tags as their plain values", () => {
    expect(yamlRecord("Resources:\n  Db:\n    Properties:\n      Name: !Ref DbName\n")).toEqual({
      Resources: { Db: { Properties: { Name: "DbName" } } },
    });
  });

  it("rewrites the text before parsing when asked, after the limits were checked on what was written", () => {
    const prepare = (text: string) => text.replace(/!GetAtt\s+/g, "");
    expect(yamlRecord("Value: !GetAtt Db.Endpoint\n", { prepare })).toEqual({ Value: "Db.Endpoint" });
    const padded = `Value: !GetAtt Db.Endpoint\n# ${"x".repeat(maxYamlLength)}\n`;
    expect(readYamlRecord(padded, { prepare: () => "Value: 1\n" })).toEqual({
      refused: expect.stringContaining("past the limit"),
    });
  });
});

describe("the YAML limits", () => {
  it("refuse a file larger than the limit, saying its size and the limit", () => {
    const reading = readYamlRecord(`a: ${"x".repeat(maxYamlLength)}\n`);
    expect(reading).toEqual({
      refused: `${maxYamlLength + 4} characters of YAML, past the limit of ${maxYamlLength}: not read`,
    });
    expect(yamlRecord(`a: ${"x".repeat(maxYamlLength)}\n`)).toBeUndefined();
  });

  it("read a file just under the size limit", () => {
    const text = `a: ${"x".repeat(maxYamlLength - 4)}\n`;
    expect(text.length).toBe(maxYamlLength);
    expect(yamlRecord(text)?.a).toHaveLength(maxYamlLength - 4);
  });

  it("refuse nesting past the limit before the parser sees it, saying the line", () => {
    const deep = `ok: 1\nlist:\n  ${"- ".repeat(maxYamlNesting + 1)}x\n`;
    expect(readYamlRecord(deep)).toEqual({
      refused: `YAML nested deeper than ${maxYamlNesting} levels at line 3: not read`,
    });
    expect(readYamlRecord(`a: ${"[".repeat(maxYamlNesting + 1)}${"]".repeat(maxYamlNesting + 1)}\n`)).toEqual({
      refused: expect.stringContaining("nested deeper"),
    });
    // Nested explicit keys are what stalled the parser (16 KB, 99 s): refused at once.
    expect(readYamlRecord("? ".repeat(8_000) + "x\n")).toEqual({ refused: expect.stringContaining("at line 1") });
  });

  it("read nesting at the limit", () => {
    const atLimit = `a: ${"[".repeat(maxYamlNesting)}1${"]".repeat(maxYamlNesting)}\n`;
    expect(yamlTooDeepAt(atLimit)).toBe(-1);
    expect("record" in readYamlRecord(atLimit)).toBe(true);
  });

  it("refuse an alias bomb, and read a few anchors reused", () => {
    expect(readYamlRecord(aliasBomb(5))).toEqual({
      refused: `YAML aliases expanding more than ${maxYamlAliases} times (an alias bomb): not read`,
    });
    expect(yamlRecord("base: &base {image: node:20}\nweb: *base\nworker: *base\n")).toEqual({
      base: { image: "node:20" },
      web: { image: "node:20" },
      worker: { image: "node:20" },
    });
  });

  it("read a large Compose file whose sixty services all merge the same defaults", () => {
    const defaults = [
      "x-healthy: &healthy\n  condition: service_healthy",
      "x-defaults: &defaults",
      "  image: shelf-local",
      "  depends_on:",
      ...Array.from({ length: 9 }, (_, index) => `    dep${index}:\n      <<: *healthy`),
    ];
    const services = Array.from(
      { length: 60 },
      (_, index) => `  svc${index}:\n    <<: *defaults\n    command: run ${index}`,
    );
    const reading = readYamlRecord([...defaults, "services:", ...services].join("\n") + "\n");
    expect("record" in reading && Object.keys(reading.record.services as object)).toHaveLength(60);
  });

  it("refuse more than one document, and say why", () => {
    expect(readYamlRecord("kind: Service\n---\nkind: Deployment\n")).toEqual({
      refused: "more than one YAML document where one is read: not read",
    });
  });

  it("refuse text that is not YAML, quoting the parser's first line", () => {
    const reading = readYamlRecord("a: [1, 2\nb: 3\n");
    expect(reading).toEqual({
      refused: expect.stringMatching(/^not valid YAML \(.+ at line \d+, column \d+:\): not read$/),
    });
  });
});

describe("the parser's warnings", () => {
  // Node's own emitWarning refuses an Error from Jest's realm: recorded here instead of printed.
  let emitted: unknown[] = [];
  beforeEach(() => {
    emitted = [];
    jest.spyOn(process, "emitWarning").mockImplementation((warning: unknown) => void emitted.push(warning));
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });
  const messages = () => emitted.map((warning) => (warning as Error).message);

  it("are silent unless asked for", () => {
    expect(yamlRecord("Name: !Ref DbName\n")).toEqual({ Name: "DbName" });
    expect(messages()).toEqual([]);
  });

  it("are printed as process warnings when asked for, and the document is read all the same", () => {
    expect(yamlRecord("Name: !Ref DbName\n", { warnings: "print" })).toEqual({ Name: "DbName" });
    expect(messages()).toEqual([expect.stringContaining("Unresolved tag: !Ref")]);
  });
});
