import { createPrivateKey } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";

/** A reason the App cannot start that the operator can fix: said in one sentence, never as a stack. */
export class StartupError extends Error {}

/** `.env` of the working directory into the environment, as Probot does; a variable already set wins. */
export function loadDotEnv(path = ".env"): void {
  if (!existsSync(path)) return;
  try {
    process.loadEnvFile(path);
  } catch (error) {
    throw new StartupError(`${path} could not be read (${(error as Error).message}): fix or remove it`);
  }
}

const settingsPage = "the App's settings page (GitHub > Settings > Developer settings > GitHub Apps > the App)";

/** The private key's text as Probot reads it: PRIVATE_KEY (PEM, with `\n` escapes, or base64), PRIVATE_KEY_PATH, or the one .pem file here. */
function privateKeyText(env: NodeJS.ProcessEnv): { text: string; from: string } | string {
  if (env.PRIVATE_KEY) {
    const escaped = env.PRIVATE_KEY.replace(/\\n/g, "\n");
    const text = escaped.includes("-----BEGIN") ? escaped : Buffer.from(escaped, "base64").toString("utf8");
    return { text, from: "PRIVATE_KEY" };
  }
  if (env.PRIVATE_KEY_PATH) {
    try {
      return { text: readFileSync(env.PRIVATE_KEY_PATH, "utf8"), from: `PRIVATE_KEY_PATH (${env.PRIVATE_KEY_PATH})` };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
      return `PRIVATE_KEY_PATH is ${env.PRIVATE_KEY_PATH}, which cannot be read (${code}): point it at the .pem file generated on ${settingsPage}`;
    }
  }
  const pems = readdirSync(".").filter((name) => name.endsWith(".pem"));
  if (pems.length === 1) return { text: readFileSync(pems[0]!, "utf8"), from: pems[0]! };
  return `neither PRIVATE_KEY nor PRIVATE_KEY_PATH is set: generate a private key on ${settingsPage} and set PRIVATE_KEY_PATH to the downloaded .pem file`;
}

/**
 * What is wrong with the App's credentials, in one sentence saying what to set, or undefined
 * when APP_ID, the private key and WEBHOOK_SECRET are all there and well formed.
 */
export function credentialProblem(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.APP_ID)
    return `APP_ID is not set: it is the "App ID" on ${settingsPage}; to register a new App from app.yml, run npm start without NODE_ENV=production and open the page it prints`;
  if (!/^\d+$/.test(env.APP_ID.trim()))
    return `APP_ID must be the App's numeric "App ID" (e.g. 123456), found "${env.APP_ID}": the client ID (Iv1...) is another thing`;
  const key = privateKeyText(env);
  if (typeof key === "string") return key;
  try {
    createPrivateKey(key.text);
  } catch {
    return `${key.from} does not hold a private key in PEM form (-----BEGIN RSA PRIVATE KEY-----): use the .pem file generated on ${settingsPage}`;
  }
  if (!env.WEBHOOK_SECRET)
    return `WEBHOOK_SECRET is not set: without it the App cannot tell GitHub's deliveries from anyone's; set it to the webhook secret of ${settingsPage}`;
  return undefined;
}

interface ProxyLog {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * Development: with WEBHOOK_PROXY_URL (a smee.io channel, which GitHub delivers to), forwards
 * its deliveries to the local server, as Probot does. smee-client is a development tool, not a
 * dependency: when it is not installed, one line says how to run it beside the App.
 */
export async function watchWebhookProxy(url: string | undefined, target: string, log: ProxyLog): Promise<void> {
  if (!url) return;
  const moduleName = "smee-client";
  try {
    const { SmeeClient } = (await import(moduleName)) as {
      SmeeClient: new (options: { source: string; target: string; logger: ProxyLog }) => { start(): unknown };
    };
    await new SmeeClient({ source: url, target, logger: log }).start();
    log.info(`forwarding webhooks from ${url} to ${target}`);
  } catch {
    log.warn(
      `WEBHOOK_PROXY_URL is set but smee-client is not installed: run \`npx smee-client --url ${url} --target ${target}\` beside the App, or \`npm install --no-save smee-client\` and restart`,
    );
  }
}
