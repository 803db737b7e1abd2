import { afterEach, describe, expect, it } from "@jest/globals";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseEnv } from "node:util";

const projectRoot = new URL("../../", import.meta.url).pathname;
const server = join(projectRoot, "lib/app/server.js");

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** A directory an operator deploys from: the manifest and package.json, nothing else (the App is lib/, run by path). */
function deployDirectory(): string {
  const dir = mkdtempSync(join(tmpdir(), "cto-copilot-app-"));
  copyFileSync(join(projectRoot, "app.yml"), join(dir, "app.yml"));
  copyFileSync(join(projectRoot, "package.json"), join(dir, "package.json"));
  return dir;
}

const baseEnv: Record<string, string | undefined> = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NO_SMEE_SETUP: "true",
  HOST: "127.0.0.1",
};
const running: ChildProcess[] = [];

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill("SIGTERM");
});

async function start(cwd: string, env: Record<string, string>): Promise<{ url: string; logs: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [server], { cwd, env: { ...baseEnv, PORT: String(port), ...env } });
  running.push(child);
  let logs = "";
  child.stdout.on("data", (chunk: Buffer) => (logs += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (logs += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; tries < 300; tries++) {
    if (child.exitCode !== null) throw new Error(`the App exited with ${child.exitCode}:\n${logs}`);
    if (
      await fetch(`${url}/ping`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return { url, logs: () => logs };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the App did not answer /ping:\n${logs}`);
}

/** Waits for a log line written just after the server listens. */
async function logged(logs: () => string, text: string): Promise<string> {
  for (let tries = 0; tries < 100 && !logs().includes(text); tries++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  return logs();
}

const pem = () =>
  generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;

describe("npm start the Probot way", () => {
  it("without credentials serves the page that registers the App from app.yml, writes .env, and then runs the App from it", async () => {
    const dir = deployDirectory();
    const setup = await start(dir, { WEBHOOK_PROXY_URL: "https://smee.io/cto-copilot-test" });
    const home = await fetch(`${setup.url}/`, { redirect: "manual" });
    expect(home.headers.get("location")).toBe("/probot");
    const page = await (await fetch(`${setup.url}/probot`)).text();
    const manifest = JSON.parse(/name="manifest" id="manifest" value='([^']+)'/.exec(page)![1]!) as Record<string, any>;
    const declared = (await import("yaml")).parse(readFileSync(join(projectRoot, "app.yml"), "utf8")) as Record<
      string,
      any
    >;
    expect(manifest).toMatchObject({
      name: declared.name,
      default_permissions: declared.default_permissions,
      default_events: declared.default_events,
      // No placeholder: development deliveries go to the smee channel.
      hook_attributes: { url: "https://smee.io/cto-copilot-test" },
      redirect_url: `${setup.url}/probot/setup`,
    });

    // The credentials GitHub hands back (here through the page's import form) land in .env.
    const key = pem();
    const imported = await fetch(`${setup.url}/probot/import`, {
      method: "POST",
      body: JSON.stringify({ appId: "424242", pem: key, webhook_secret: "s3cret" }),
    });
    expect(imported.status).toBe(200);
    const env = parseEnv(readFileSync(join(dir, ".env"), "utf8"));
    expect(env).toMatchObject({ APP_ID: "424242", WEBHOOK_SECRET: "s3cret" });

    // Restarted, in production mode, the App reads .env and runs.
    const app = await start(dir, { NODE_ENV: "production", LOG_FORMAT: "json" });
    expect(await logged(app.logs, "CTO Co-Pilot listening")).toContain("CTO Co-Pilot listening");
    const unsigned = await fetch(`${app.url}/api/github/webhooks`, { method: "POST", body: "{}" });
    expect(unsigned.status).toBe(400);
  });

  it("with WEBHOOK_PROXY_URL and no smee-client installed, says in one line how to forward the deliveries", async () => {
    const dir = deployDirectory();
    const app = await start(dir, {
      APP_ID: "1",
      PRIVATE_KEY: pem(),
      WEBHOOK_SECRET: "x",
      WEBHOOK_PROXY_URL: "https://smee.io/abc",
      LOG_FORMAT: "json",
    });
    expect(await logged(app.logs, "smee-client")).toContain(
      "npx smee-client --url https://smee.io/abc --target http://127.0.0.1:",
    );
  });

  it.each([
    [{}, /^cto-copilot: APP_ID is not set: .*run npm start without NODE_ENV=production/],
    [{ APP_ID: "Iv1.abc" }, /^cto-copilot: APP_ID must be the App's numeric "App ID"/],
    [{ APP_ID: "1" }, /^cto-copilot: neither PRIVATE_KEY nor PRIVATE_KEY_PATH is set/],
    [
      { APP_ID: "1", PRIVATE_KEY_PATH: "missing.pem" },
      /^cto-copilot: PRIVATE_KEY_PATH is missing.pem, which cannot be read \(ENOENT\)/,
    ],
    [{ APP_ID: "1", PRIVATE_KEY: "not a key" }, /^cto-copilot: PRIVATE_KEY does not hold a private key in PEM form/],
    [{ APP_ID: "1", PRIVATE_KEY: "KEY" }, /^cto-copilot: WEBHOOK_SECRET is not set/],
  ])(
    "in production, a missing or bad credential (%j) is one sentence and exit code 1, never a stack",
    (env, message) => {
      const dir = deployDirectory();
      const resolved = Object.fromEntries(
        Object.entries(env).map(([name, value]) => [name, value === "KEY" ? pem() : value]),
      );
      const result = spawnSync(process.execPath, [server], {
        cwd: dir,
        env: { ...baseEnv, NODE_ENV: "production", ...resolved },
        encoding: "utf8",
        timeout: 20_000,
      });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
    },
  );

  it("credentials from .env are checked the same way", () => {
    const dir = deployDirectory();
    writeFileSync(join(dir, ".env"), "APP_ID=1\n");
    const result = spawnSync(process.execPath, [server], {
      cwd: dir,
      env: { ...baseEnv, NODE_ENV: "production" },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^cto-copilot: neither PRIVATE_KEY nor PRIVATE_KEY_PATH is set: [^\n]+\n$/);
  });
});

describe("the Dockerfile", () => {
  const dockerfile = readFileSync(join(projectRoot, "Dockerfile"), "utf8");

  it("runs the compiled App as a non-root user with production dependencies only", () => {
    const stages = dockerfile.split(/^FROM /m).slice(1);
    const runtime = stages.at(-1)!;
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/npm ci --omit=dev/);
    expect(runtime).toMatch(/^ENV NODE_ENV=production/m);
    expect(runtime).toMatch(/^CMD \["node", "lib\/app\/server.js"\]$/m);
    expect(runtime).toContain("COPY app.yml");
  });

  it("has a HEALTHCHECK that passes against the running App's /ping and fails when nothing answers", async () => {
    const command = JSON.parse(/^HEALTHCHECK[^\n]*\\\n\s*CMD (\[.*\])$/m.exec(dockerfile)![1]!) as string[];
    expect(command[0]).toBe("node");
    const app = await start(deployDirectory(), {
      APP_ID: "1",
      PRIVATE_KEY: pem(),
      WEBHOOK_SECRET: "x",
      LOG_FORMAT: "json",
    });
    const port = new URL(app.url).port;
    const check = (env: Record<string, string>) =>
      spawnSync(process.execPath, command.slice(1), { env: { ...baseEnv, ...env }, timeout: 10_000 }).status;
    expect(check({ PORT: port })).toBe(0);
    expect(check({ PORT: String(await freePort()) })).toBe(1);
  });
});
