// Proves the package installs and runs outside this clone: `npm pack`, install the tarball into
// an empty temporary project, then run `cto-copilot --help`, `init` and `validate` there, as a
// user of another repository would; then dry-runs the release workflow's `npm publish` on the
// tarball. Part of `npm run verify`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
  // The release workflow's publish step, dry-run against the same tarball (npm contacts no registry).
  const publish = execFileSync(
    "npm",
    ["publish", "--dry-run", "--provenance", "--access", "public", join(work, tarball)],
    {
      cwd: process.cwd(),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const { version } = JSON.parse(readFileSync("package.json", "utf8"));
  if (!publish.includes(`cto-copilot@${version}`)) throw new Error(`npm publish --dry-run printed:\n${publish}`);
  const listed = run("tar", ["-tzf", join(work, tarball)], work);
  for (const file of [
    "package/LICENSE",
    "package/CHANGELOG.md",
    "package/bin/cto-copilot.js",
    "package/lib/cli/main.js",
  ])
    if (!listed.includes(file)) throw new Error(`the tarball lacks ${file}`);
  console.log(
    `package check: ${tarball} installs into an empty project; --help, init and validate run there; npm publish --dry-run accepts it`,
  );
} catch (error) {
  console.error(`package check failed: ${error.stderr ?? ""}${error.stdout ?? ""}${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
