import { createServer, type IncomingMessage } from "node:http";
import { createNodeMiddleware, createProbot, run } from "probot";
import { credentialProblem, loadDotEnv, StartupError, watchWebhookProxy } from "./startup.js";
import ctoCopilotApp from "./index.js";
import { enableUnthrottledReads } from "./unthrottled-reads.js";
import { maxWebhookBytes, readBody, refuse, signatureMatches, TooLarge } from "./webhook-gate.js";

const webhookPath = process.env.WEBHOOK_PATH || "/api/github/webhooks";

/**
 * The App's HTTP server (`npm start`): Probot's webhook middleware behind a gate that a
 * request must pass before any of it is buffered or logged. A body over GitHub's 25 MB cap
 * is refused from its Content-Length, or as soon as it streams past the cap; an unsigned or
 * mis-signed delivery gets 400 with one log line, its payload never logged. `GET /ping`
 * answers at once. Configuration is Probot's: APP_ID, PRIVATE_KEY(_PATH), WEBHOOK_SECRET,
 * PORT, HOST, LOG_LEVEL, LOG_FORMAT, GHE_HOST, GHE_PROTOCOL.
 */
export async function startServer(): Promise<void> {
  // Probot's run() logs at info by default, createProbot at warn: an operator sees where the App listens.
  const probot = createProbot({ env: { LOG_LEVEL: "info", ...process.env } });
  enableUnthrottledReads();
  const secret = process.env.WEBHOOK_SECRET ?? "";
  const middleware = await createNodeMiddleware(ctoCopilotApp, { probot, webhooksPath: webhookPath });
  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    if (request.method === "GET" && path === "/ping") {
      response.writeHead(200, { "content-type": "text/plain" }).end("PONG");
      return;
    }
    // "/" too: the App registered from Probot's setup page (`npm start` without credentials) points its webhook there.
    if (request.method !== "POST" || (path !== webhookPath && path !== "/")) {
      response.writeHead(404).end();
      return;
    }
    const declared = Number(request.headers["content-length"] ?? 0);
    if (declared > maxWebhookBytes) {
      probot.log.warn(`refused a ${declared}-byte delivery: over GitHub's 25 MB cap`);
      refuse(response, 413, "payload over 25 MB");
      request.destroy();
      return;
    }
    readBody(request).then(
      (body) => {
        if (!signatureMatches(secret, body, request.headers["x-hub-signature-256"])) {
          probot.log.warn(`refused a delivery without a valid signature (${body.length} bytes, not logged)`);
          refuse(response, 400, "signature does not match");
          return;
        }
        // Probot's middleware reads a string body as the payload (and checks the signature again).
        (request as IncomingMessage & { body?: string }).body = body.toString("utf8");
        void middleware(request, response, () => response.writeHead(404).end());
      },
      (error: unknown) => {
        if (error instanceof TooLarge) {
          probot.log.warn("refused a delivery that streamed past GitHub's 25 MB cap");
          refuse(response, 413, "payload over 25 MB");
          request.destroy();
        } else refuse(response, 400, "the request could not be read");
      },
    );
  });
  const port = Number(process.env.PORT || 3000);
  const host = process.env.HOST || undefined;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  probot.log.info(`CTO Co-Pilot listening on http://${host ?? "localhost"}:${port}${webhookPath}`);
  await watchWebhookProxy(process.env.WEBHOOK_PROXY_URL, `http://127.0.0.1:${port}${webhookPath}`, probot.log);
}

/**
 * `npm start`: with the App's credentials (the environment, else `.env`), the App; without them,
 * outside production, Probot's setup page, which registers the App from app.yml and writes
 * `.env`. A missing or malformed credential in production is one sentence, and exit code 1.
 */
async function main(): Promise<void> {
  loadDotEnv();
  if (
    !process.env.APP_ID &&
    !process.env.PRIVATE_KEY &&
    !process.env.PRIVATE_KEY_PATH &&
    process.env.NODE_ENV !== "production"
  ) {
    await run(ctoCopilotApp);
    return;
  }
  const problem = credentialProblem(process.env);
  if (problem) throw new StartupError(problem);
  await startServer();
}

try {
  await main();
} catch (error) {
  process.stderr.write(
    `cto-copilot: ${error instanceof StartupError ? error.message : `the App could not start: ${(error as Error).message}`}\n`,
  );
  process.exit(1);
}
