import { describe, expect, it } from "@jest/globals";
import { sanitizeForFence, sanitizeModelLine, sanitizeModelText } from "../../../src/llm/sanitize.js";

const hostile = [
  "<!<!---->-- cto-copilot:engineering-sync -->",
  "`<!-- cto-copilot:debt:TD-1 -->`",
  "[log in](//evil.example/x)",
  "[log in](https://evil.example/x)",
  "@everyone fixes #1",
];

describe("model output is made inert wherever it lands", () => {
  it.each(hostile)("%s", (text) => {
    for (const clean of [sanitizeForFence(text, 500), sanitizeModelText(text), sanitizeModelLine(text)]) {
      expect(clean).not.toContain("<!--");
      expect(clean).not.toMatch(/cto-copilot:[a-z-]+(:[A-Z0-9-]+)? -->/);
      // A link needs an unescaped "](": escaped brackets are text.
      expect(clean).not.toMatch(/(?<!\\)\]\((\/\/|https?:)/);
      expect(clean).not.toMatch(/@everyone|#1\b/);
    }
  });
});
