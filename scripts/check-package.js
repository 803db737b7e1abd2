// Proves the package installs and runs outside this clone: `npm pack`, install the tarball into
// an empty temporary project, then run `cto-copilot --help`, `init` and `validate` there, as a
// user of another repository would. Part of `npm run verify`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const work = mkdtempSync(join(tmpdir(), "cto-copilot-package-"));
const run = (command, args, cwd) =>
  execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
try {
  run("npm", ["pack", "--silent", "--pack-destination", work], process.cwd());
  const tarball = readdirSync(work).find((name) => name.endsWith(".tgz"));
  if (!tarball) throw new Error("npm pack wrote no tarball");
  const project = join(work, "project");
  execFileSync("mkdir", [project]);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "someone-elses-repository", version: "1.0.0", private: true }),
  );
  run("git", ["init", "-q"], project);
  run("npm", ["install", "--save-dev", "--no-audit", "--no-fund", "--prefer-offline", join(work, tarball)], project);
  const help = run("npx", ["--no-install", "cto-copilot", "--help"], project);
  if (!help.includes("Usage: cto-copilot")) throw new Error(`cto-copilot --help printed:\n${help}`);
  run("npx", ["--no-install", "cto-copilot", "init"], project);
  const validate = run("npx", ["--no-install", "cto-copilot", "validate"], project);
  if (!validate.includes("no errors")) throw new Error(`cto-copilot validate printed:\n${validate}`);
  console.log(`package check: ${tarball} installs into an empty project; --help, init and validate run there`);
} catch (error) {
  console.error(`package check failed: ${error.stderr ?? ""}${error.stdout ?? ""}${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
