import { describe, expect, it } from "@jest/globals";
import { redactSecrets } from "../../../src/action/redact-secrets.js";

describe("redactSecrets", () => {
  it("masks every token shape and the secrets named, and leaves other words alone", () => {
    expect(
      redactSecrets(
        "token ghs_abcdefgh (Authorization: Bearer abc.def); ghp_0123456789abcdefghij; github_pat_11ABCDEFG0123456789_abc; my-own-secret",
        ["my-own-secret"],
      ),
    ).toBe("token *** (Authorization: ***); ***; ***; ***");
    const plain = "the token permissions are wrong: see https://docs.github.com/rest (GET /repos/o/r)";
    expect(redactSecrets(plain)).toBe(plain);
  });
});
