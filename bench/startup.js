// Start-up costs, as CPU time against a bare `node -e ''` measured in the same run: `cto-copilot
// --help`, `cto-copilot validate` on the tree `init` creates, and the bundled Action on an event
// it has nothing to do for; and the App's time to answer /ping against a bare Probot app's (wall
// time: a server is not a process that ends). Medians of paired runs. Prints one JSON line per figure.
import { execFileSync, spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nodeFloor, paired, ratioLine } from "./support/cpu.js";

const root = new URL("../", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "cto-copilot-startup-"));
const median = (values) => values.sort((a, b) => a - b)[values.length >> 1];
const startup = (args, env = {}) =>
  paired({ cwd: work, env, runs: 9, floor: [nodeFloor], ours: [process.execPath, ...args] });

execFileSync(process.execPath, [join(root, "bin/cto-copilot.js"), "init", "--root", join(work, "repo")], {
  stdio: "ignore",
});
writeFileSync(join(work, "event.json"), "{}");
const help = startup([join(root, "bin/cto-copilot.js"), "--help"]);
const validate = startup([join(root, "bin/cto-copilot.js"), "validate", "--root", join(work, "repo")]);
// The CLI keeps its compiled code between runs (bin/load-bundle.js): a first run, or one with the
// cache turned off, compiles the chunks it needs. Measured too, and said beside the figure.
const validateCold = startup([join(root, "bin/cto-copilot.js"), "validate", "--root", join(work, "repo")], {
  NODE_DISABLE_COMPILE_CACHE: "1",
});
const action = startup([join(root, "dist/index.js")], {
  GITHUB_EVENT_NAME: "push",
  GITHUB_EVENT_PATH: join(work, "event.json"),
  GITHUB_REPOSITORY: "acme/app",
  INPUT_COMMAND: "auto",
});

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Milliseconds from spawning a server (`probot run <app>`, or `npm start`'s script) to a 200 from /ping. */
async function timeToPing(args) {
  const port = await freePort();
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const began = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      APP_ID: "1",
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: "s",
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "fatal",
    },
    stdio: "ignore",
  });
  try {
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/ping`);
        if (response.ok) return performance.now() - began;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  } finally {
    child.kill();
  }
}
const bareApp = join(work, "bare-app.js");
writeFileSync(bareApp, "export default () => {};\n");
const pings = { bare: [], ours: [] };
for (let run = 0; run < 5; run++) {
  pings.bare.push(await timeToPing([join(root, "node_modules/probot/bin/probot.js"), "run", bareApp]));
  pings.ours.push(await timeToPing([join(root, "lib/app/server.js")]));
}
rmSync(work, { recursive: true, force: true });

console.log(ratioLine("start-up: cto-copilot --help, CPU as a multiple of node -e ''", help, 2));
console.log(
  ratioLine("start-up: cto-copilot validate on the init tree, CPU as a multiple of node -e ''", validate, 2, {
    note: `without the compile cache (a first run) ${(validateCold.cpuMs / validateCold.floorMs).toFixed(2)}x`,
  }),
);
console.log(
  ratioLine("start-up: the bundled Action on an event with nothing to do, CPU as a multiple of node -e ''", action, 2),
);
const line = (name, value, target, note) => console.log(JSON.stringify({ name, value, unit: "x", target, note }));
const [oursPing, barePing] = [median(pings.ours), median(pings.bare)];
line(
  "start-up: the App answers /ping, wall time as a multiple of a bare Probot app's",
  Number((oursPing / barePing).toFixed(2)),
  1.5,
  `${oursPing.toFixed(0)} ms against ${barePing.toFixed(0)} ms`,
);
