import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:net";

const projectRoot = new URL("../../", import.meta.url).pathname;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface Delivery {
  status: number;
  body: string;
}

/** The real App, started with `npm start` as an operator would, pointed at the emulator as GitHub Enterprise. */
export class AppProcess {
  readonly secret = randomBytes(16).toString("hex");
  logs = "";
  private child?: ChildProcess;
  private port = 0;

  constructor(
    private readonly gheHost: string,
    /** More environment for the App (e.g. ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL for the AI drafts). */
    private readonly extraEnv: Record<string, string> = {},
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.port = await freePort();
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs1", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    this.child = spawn("npm", ["start", "--silent"], {
      cwd: projectRoot,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        APP_ID: "12345",
        PRIVATE_KEY: privateKey,
        WEBHOOK_SECRET: this.secret,
        PORT: String(this.port),
        HOST: "127.0.0.1",
        GHE_HOST: this.gheHost,
        GHE_PROTOCOL: "http",
        LOG_LEVEL: "info",
        LOG_FORMAT: "json",
        NODE_ENV: "production",
        ...this.extraEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    this.child.stdout!.on("data", (chunk: Buffer) => (this.logs += chunk.toString()));
    this.child.stderr!.on("data", (chunk: Buffer) => (this.logs += chunk.toString()));
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`the App exited with ${this.child.exitCode}:\n${this.logs}`);
      const ok = await fetch(`${this.url}/ping`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (ok) return this;
      if (Date.now() > deadline) throw new Error(`the App did not answer /ping within 30 s:\n${this.logs}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  get running(): boolean {
    return this.child?.exitCode === null;
  }

  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child!.once("exit", resolve));
    process.kill(-this.child.pid!, "SIGTERM");
    await exited;
  }

  /** Delivers a webhook as GitHub does, signed with the App's secret unless told otherwise. */
  async deliver(
    event: string,
    payload: unknown,
    options: { signature?: string | null; delivery?: string } = {},
  ): Promise<Delivery> {
    const body = JSON.stringify(payload);
    const signature =
      options.signature === undefined
        ? `sha256=${createHmac("sha256", this.secret).update(body).digest("hex")}`
        : options.signature;
    const response = await fetch(`${this.url}/api/github/webhooks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": event,
        "x-github-delivery": options.delivery ?? randomUUID(),
        "user-agent": "GitHub-Hookshot/test",
        ...(signature !== null ? { "x-hub-signature-256": signature } : {}),
      },
      body,
    });
    return { status: response.status, body: await response.text() };
  }
}
