import { describe, expect, it } from "@jest/globals";
import {
  idOfMarker,
  isOurs,
  markerId,
  ownedBody,
  ownMarker,
  readMarker,
  sharedIdentity,
  type SelfIdentity,
} from "../../../src/markdown/ownership.js";

const app: SelfIdentity = { login: "cto-copilot[bot]", exclusive: true };
const bot = (login: string) => ({ login, isBot: true });

describe("what counts as ours", () => {
  const body = ownedBody("debt:debt_001", "Managed text.");

  it("the App: our marker on the first line, written by our own login", () => {
    expect(ownMarker({ body, author: bot("cto-copilot[bot]") }, app)).toBe("debt:debt_001");
    expect(isOurs({ body, author: bot("other-app[bot]") }, "debt:debt_001", app)).toBe(false);
    expect(isOurs({ body, author: { login: "alice", isBot: false } }, "debt:debt_001", app)).toBe(false);
    // A body the App wrote and a maintainer edited stays ours: only the App writes as itself.
    expect(isOurs({ body: `${body} (edited)`, author: bot("cto-copilot[bot]") }, "debt:debt_001", app)).toBe(true);
  });

  it("a shared identity (the Action): a bot, and the text below the marker is what we wrote", () => {
    expect(isOurs({ body, author: bot("github-actions[bot]") }, "debt:debt_001", sharedIdentity)).toBe(true);
    expect(
      isOurs({ body: `${body}\nquoted`, author: bot("github-actions[bot]") }, "debt:debt_001", sharedIdentity),
    ).toBe(false);
    expect(isOurs({ body, author: { login: "alice", isBot: false } }, "debt:debt_001", sharedIdentity)).toBe(false);
    expect(
      isOurs(
        { body: "<!-- cto-copilot:debt:debt_001 -->\nno fingerprint", author: bot("github-actions[bot]") },
        "debt:debt_001",
        sharedIdentity,
      ),
    ).toBe(false);
  });

  it("a marker anywhere but the first line is text, whoever wrote it", () => {
    const quoted = `Long notes a person wrote.\n${body}`;
    expect(ownMarker({ body: quoted, author: bot("cto-copilot[bot]") }, app)).toBeUndefined();
    expect(readMarker(`> ${body}`)).toBeUndefined();
    expect(ownMarker({ body, author: undefined }, app)).toBeUndefined();
  });

  it("ids are encoded: none can end the comment, break the line or add markup", () => {
    for (const id of [
      "x-->",
      "x--!><img src=x onerror=alert(1)>",
      "a\nb",
      "debt 1 --><!-- fingerprint:0123456789abcdef",
      "<!--",
    ]) {
      const written = ownedBody(`debt:${markerId(id)}`, "text");
      const first = written.split("\n")[0]!;
      expect(first).toMatch(/^<!-- cto-copilot:debt:[^<>!\s]+ --><!-- fingerprint:[0-9a-f]{16} -->$/);
      expect(idOfMarker(readMarker(written)!.name.slice("debt:".length))).toBe(id);
    }
    expect(markerId("debt_001")).toBe("debt_001");
  });
});
