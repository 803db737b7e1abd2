import { afterAll, afterEach, beforeAll, expect } from "@jest/globals";
import { AppProcess } from "./app-process.js";
import { GitHubEmulator } from "./emulator/server.js";

/**
 * Registers the hooks every App end-to-end suite needs: an emulator and the real App
 * (`npm start`) pointed at it, both stopped after the suite, and after each test the check
 * that every REST response matched GitHub's OpenAPI description.
 */
export function useAppAndEmulator(): { readonly github: GitHubEmulator; readonly app: AppProcess } {
  const fixture = {} as { github: GitHubEmulator; app: AppProcess };
  beforeAll(async () => {
    fixture.github = await new GitHubEmulator().start();
    fixture.app = await new AppProcess(fixture.github.host).start();
  }, 60_000);
  afterAll(async () => {
    await fixture.app?.stop();
    await fixture.github?.stop();
  });
  afterEach(() => expect(fixture.github.schemaProblems.splice(0)).toEqual([]));
  return fixture;
}
