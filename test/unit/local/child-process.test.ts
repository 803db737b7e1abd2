import { describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";

describe("node:child_process, loaded on first use", () => {
  it("is the built-in module, also where Node has no process.getBuiltinModule (22.0 to 22.2)", async () => {
    const original = process.getBuiltinModule;
    Reflect.deleteProperty(process, "getBuiltinModule");
    try {
      expect(typeof process.getBuiltinModule).toBe("undefined");
      const { childProcess } = await import("../../../src/local/child-process.js");
      expect(childProcess().spawnSync).toBe(spawnSync);
      expect(childProcess()).toBe(childProcess());
    } finally {
      process.getBuiltinModule = original;
    }
  });
});
