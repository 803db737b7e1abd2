import { describe, expect, it } from "@jest/globals";
import type { CommitAuthor } from "../../../src/discovery/discover.js";
import { stageOf } from "../../../src/discovery/stage.js";
import { isBot } from "../../../src/discovery/team/bots.js";
import { codeOwners } from "../../../src/discovery/team/code-owners.js";
import { countPeople } from "../../../src/discovery/team/headcount.js";
import { parseMailmap } from "../../../src/discovery/team/mailmap.js";
import { discover } from "./fixtures/discover.js";

const author = (name: string, email: string, login?: string): CommitAuthor => ({
  name,
  email,
  ...(login ? { login } : {}),
});

/** `n` distinct people, one commit each. */
const people = (n: number) => Array.from({ length: n }, (_, i) => author(`Person ${i}`, `person${i}@acme.io`));

describe("bots", () => {
  it.each([
    author("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", "dependabot[bot]"),
    author("renovate[bot]", "29139614+renovate[bot]@users.noreply.github.com"),
    author("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com"),
    author("GitHub Action", "action@github.com"),
    author("GitHub", "noreply@github.com"),
    author("Snyk bot", "snyk-bot@snyk.io"),
    author("greenkeeper[bot]", "23040076+greenkeeper[bot]@users.noreply.github.com"),
    author("Renovate Bot", "bot@renovateapp.com"),
    author("Release Bot", "release@acme.io"),
    author("ci", "ci@acme.io", "acme-ci-bot"),
  ])("$name <$email> is a bot", (commit) => {
    expect(isBot(commit)).toBe(true);
  });

  it.each([
    author("Jane Doe", "jane@acme.io", "janedoe"),
    author("Abbot Smith", "abbot@acme.io"),
    author("Robotics Lead", "robo@acme.io"),
  ])("$name is a person", (commit) => {
    expect(isBot(commit)).toBe(false);
  });
});

describe(".mailmap", () => {
  const mailmap = parseMailmap(`# People who changed machines
Jane Doe <jane@acme.io>
<joe@acme.io> <joe@old-laptop.local>
Ann Lee <ann@acme.io> <ann.lee@contractor.example>
Bob Stone <bob@acme.io> bob <Root@Build-01.local>
`);

  it("form 1: a proper name for an email", () => {
    expect(mailmap.canonical({ name: "jdoe", email: "jane@acme.io" })).toEqual({
      name: "Jane Doe",
      email: "jane@acme.io",
    });
  });
  it("form 2: a proper email for an email", () => {
    expect(mailmap.canonical({ name: "Joe", email: "joe@old-laptop.local" })).toEqual({
      name: "Joe",
      email: "joe@acme.io",
    });
  });
  it("form 3: both for an email, matched case-insensitively", () => {
    expect(mailmap.canonical({ name: "A. Lee", email: "Ann.Lee@Contractor.example" })).toEqual({
      name: "Ann Lee",
      email: "ann@acme.io",
    });
  });
  it("form 4: both for a name and email together, and only for that pair", () => {
    expect(mailmap.canonical({ name: "bob", email: "root@build-01.local" })).toEqual({
      name: "Bob Stone",
      email: "bob@acme.io",
    });
    expect(mailmap.canonical({ name: "someone else", email: "root@build-01.local" })).toEqual({
      name: "someone else",
      email: "root@build-01.local",
    });
  });
  it("leaves everyone else as they are", () => {
    expect(mailmap.canonical({ name: "Zed", email: "zed@acme.io" })).toEqual({ name: "Zed", email: "zed@acme.io" });
  });
});

describe("headcount", () => {
  it("counts distinct people, not commits, and leaves bots out", () => {
    const commits = [
      author("Jane Doe", "jane@acme.io"),
      author("Jane Doe", "jane@acme.io"),
      author("Omar Haddad", "omar@acme.io"),
      author("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com"),
      author("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com"),
      author("Renovate Bot", "bot@renovateapp.com"),
    ];
    expect(countPeople(commits)).toEqual({ people: 2, bots: 3 });
  });

  it("merges one person's identities through .mailmap", () => {
    const commits = [
      author("Joe", "joe@old-laptop.local"),
      author("Joe Bloggs", "joe@acme.io"),
      author("root", "root@build-01.local"),
      author("Bob Stone", "bob@acme.io"),
    ];
    expect(countPeople(commits).people).toBe(4);
    expect(
      countPeople(commits, "<joe@acme.io> <joe@old-laptop.local>\nBob Stone <bob@acme.io> root <root@build-01.local>\n")
        .people,
    ).toBe(2);
  });

  it("merges by login, by GitHub's noreply address, by email and by name", () => {
    const commits = [
      author("Jane Doe", "jane@acme.io", "janedoe"),
      author("jane", "jane@home.example", "JaneDoe"), // same login, other email and name
      author("Jane D.", "1234567+janedoe@users.noreply.github.com"), // web UI commit: the login is in the address
      author("Omar Haddad", "omar@acme.io"),
      author("Omar  haddad", "omar@laptop.local"), // same name, other email
      author("O.H.", "OMAR@acme.io"), // same email, other case
    ];
    expect(countPeople(commits).people).toBe(2);
  });

  it("a window no person committed in leaves the headcount a question, not 0 engineers in Survival", () => {
    const discovery = discover(
      {},
      { history: { windowDays: 90, commits: [author("dependabot[bot]", "support@dependabot.com")] } },
    );
    expect(discovery.techStack.team).toBeUndefined();
    expect(discovery.techStack.maturityStage).toBe("foundation");
    expect(discovery.evidence.find((item) => item.field === "maturityStage")?.reason).toBe(
      "a guess: no person committed on the default branch in the last 90 days, so the headcount is unknown; Foundation is the format's default",
    );
    expect(discovery.questions).toContain("Engineering headcount: how many, what roles?");
  });

  it.each([
    [1, "survival"],
    [2, "survival"],
    [3, "foundation"],
    [10, "foundation"],
    [11, "scale"],
    [30, "scale"],
    [31, "optimize"],
    [120, "optimize"],
  ])("%i engineers is %s", (count, stage) => {
    expect(stageOf(count).stage).toBe(stage);
    const discovery = discover({}, { history: { windowDays: 90, commits: people(count) } });
    expect(discovery.techStack.maturityStage).toBe(stage);
    expect(discovery.techStack.team).toEqual({ headcount: count, roles: [] });
  });

  it("says where the stage comes from", () => {
    const commits = [...people(7), ...people(7), author("dependabot[bot]", "support@dependabot.com")];
    const discovery = discover({ ".mailmap": "" }, { history: { windowDays: 90, commits } });
    expect(
      discovery.evidence.filter((item) => item.field === "maturityStage" || item.field === "team.headcount"),
    ).toEqual([
      {
        field: "team.headcount",
        value: "7",
        source: "commit history (default branch, last 90 days)",
        reason: "7 people committed in the last 90 days (bots excluded, .mailmap applied)",
      },
      {
        field: "maturityStage",
        value: "foundation",
        source: "commit history (default branch, last 90 days)",
        reason:
          "7 people committed in the last 90 days (bots excluded, .mailmap applied): Foundation is 3-10 engineers",
      },
    ]);
    expect(discovery.questions).toContain("Engineering headcount: what roles?");
  });

  it("says 'at least' when the history read was cut short", () => {
    const discovery = discover({}, { history: { windowDays: 30, commits: people(1), truncated: true } });
    expect(discovery.evidence.find((item) => item.field === "team.headcount")?.reason).toBe(
      "at least 1 person committed in the last 30 days (bots excluded)",
    );
  });

  it("without history: no team, the stage is a guess said to be one, and the headcount is asked", () => {
    const discovery = discover({ "go.mod": "module x\n", "main.go": "" });
    expect(discovery.techStack.team).toBeUndefined();
    expect(discovery.techStack.maturityStage).toBe("foundation");
    expect(discovery.evidence.find((item) => item.field === "maturityStage")?.reason).toMatch(/^a guess: /);
    expect(discovery.questions).toContain("Engineering headcount: how many, what roles?");
    expect(discovery.questions).not.toContain("Engineering headcount: what roles?");
  });
});

describe("CODEOWNERS", () => {
  it("lists distinct owners in order, comments and escaped paths aside", () => {
    expect(
      codeOwners(`# Default owners
*                      @acme/platform @alice
/docs/                 @acme/docs # the writers
/apps/web/             @acme/web @alice
/path\\ with\\ space/    @bob
/legal/                legal@acme.io
/unowned/
`),
    ).toEqual(["@acme/platform", "@alice", "@acme/docs", "@acme/web", "@bob", "legal@acme.io"]);
  });

  it("is evidence of the owners, from the file GitHub reads first", () => {
    const discovery = discover({
      CODEOWNERS: "* @acme/root-owners\n",
      ".github/CODEOWNERS": "* @acme/platform\n/api/ @alice\n",
    });
    expect(discovery.evidence.filter((item) => item.field === "team.codeOwners")).toEqual([
      {
        field: "team.codeOwners",
        value: "@acme/platform, @alice",
        source: ".github/CODEOWNERS",
        reason: "2 owners named in .github/CODEOWNERS",
      },
    ]);
  });
});
