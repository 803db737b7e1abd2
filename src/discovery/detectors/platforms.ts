import type { Finding, Findings } from "../findings.js";
import type { Repository } from "../repository.js";
import { jsonRecord, record } from "../../text/records.js";
import { yamlRecord } from "../../text/yaml-records.js";
import { baseName, quoted, strings, tomlRecord } from "../text.js";

type Add = (finding: Omit<Finding, "source">) => void;

/** firebase.json: `hosting` is Firebase Hosting, `functions` Cloud Functions for Firebase, `firestore` the Firestore database. */
function firebase(text: string, add: Add): void {
  const json = jsonRecord(text);
  if (!json) return;
  if (json.hosting !== undefined)
    add({ topic: "frontend.hosting", value: "Firebase Hosting", reason: `"hosting" in firebase.json`, weight: 3 });
  if (json.functions !== undefined)
    add({
      topic: "backend.hosting",
      value: "Cloud Functions for Firebase",
      reason: `"functions" in firebase.json`,
      weight: 3,
    });
  if (json.firestore !== undefined) {
    add({ topic: "database", value: "Firestore", reason: `"firestore" in firebase.json`, weight: 3 });
    add({
      topic: "database.provider",
      value: "Firebase",
      database: "Firestore",
      reason: `"firestore" in firebase.json`,
      weight: 3,
    });
  }
}

/**
 * wrangler.toml / wrangler.json: a Pages project when it names `pages_build_output_dir`, a
 * Worker otherwise; its bindings name the Cloudflare services in use (D1 is SQLite).
 */
function wrangler(path: string, text: string, add: Add): void {
  const config = path.endsWith(".toml") ? tomlRecord(text) : jsonRecord(text.replace(/^[ \t]*\/\/.*$/gm, ""));
  const file = baseName(path);
  if (!config) {
    add({ topic: "cloud", value: "Cloudflare", reason: `${file} (Cloudflare Workers configuration)`, weight: 2 });
    return;
  }
  const pages = config.pages_build_output_dir !== undefined;
  add({
    topic: pages ? "frontend.hosting" : "backend.hosting",
    value: pages ? "Cloudflare Pages" : "Cloudflare Workers",
    reason: pages ? `"pages_build_output_dir" in ${file}` : `Worker ${quoted(String(config.name ?? file))} in ${file}`,
    weight: 3,
  });
  add({ topic: "cloud", value: "Cloudflare", reason: `${file} (Cloudflare configuration)`, weight: 2 });
  add({
    topic: "cloud.service",
    value: pages ? "Pages" : "Workers",
    reason: `${pages ? "Pages project" : "Worker"} configured in ${file}`,
    weight: 1,
  });
  const bindings: [string, string][] = [
    ["d1_databases", "D1"],
    ["r2_buckets", "R2"],
    ["kv_namespaces", "Workers KV"],
    ["queues", "Queues"],
    ["durable_objects", "Durable Objects"],
  ];
  for (const [key, service] of bindings) {
    if (config[key] === undefined) continue;
    add({ topic: "cloud.service", value: service, reason: `${quoted(key)} binding in ${file}`, weight: 1 });
    if (service === "D1") {
      add({ topic: "database", value: "SQLite", reason: `D1 binding in ${file}`, weight: 3 });
      add({
        topic: "database.provider",
        value: "Cloudflare D1",
        database: "SQLite",
        reason: `D1 binding in ${file}`,
        weight: 3,
      });
    }
  }
}

/** Heroku add-ons by plan prefix (`heroku-postgresql:essential-0`). */
const herokuAddons: Record<string, Omit<Finding, "source" | "reason" | "weight">[]> = {
  "heroku-postgresql": [
    { topic: "database", value: "PostgreSQL" },
    { topic: "database.provider", value: "Heroku Postgres", database: "PostgreSQL" },
  ],
  "heroku-redis": [
    { topic: "database", value: "Redis" },
    { topic: "database.provider", value: "Heroku Key-Value Store", database: "Redis" },
  ],
  jawsdb: [
    { topic: "database", value: "MySQL" },
    { topic: "database.provider", value: "JawsDB", database: "MySQL" },
  ],
  cleardb: [
    { topic: "database", value: "MySQL" },
    { topic: "database.provider", value: "ClearDB", database: "MySQL" },
  ],
  papertrail: [{ topic: "logging", value: "Papertrail" }],
  logdna: [{ topic: "logging", value: "Mezmo (LogDNA)" }],
  sentry: [
    { topic: "monitoring", value: "Sentry" },
    { topic: "alerting", value: "Sentry" },
  ],
  newrelic: [{ topic: "monitoring", value: "New Relic" }],
  scheduler: [{ topic: "backend.jobs", value: "Heroku Scheduler" }],
};

/**
 * app.json, when it is Heroku's app manifest (add-ons, buildpacks, formation): the add-ons
 * name the database and its provider. Expo and others use the same name, so the keys decide.
 */
/** Keys only Heroku's Deploy button reads: such an app.json lets users deploy their own copy, not where this project runs. */
const deployButtonKeys = ["repository", "logo", "success_url", "website", "keywords"];

function herokuApp(text: string, add: Add): void {
  const json = jsonRecord(text);
  if (!json || !["addons", "buildpacks", "formation"].some((key) => json[key] !== undefined)) return;
  if (deployButtonKeys.some((key) => json[key] !== undefined)) return;
  add({ topic: "backend.hosting", value: "Heroku", reason: "Heroku app manifest (app.json)", weight: 3 });
  const addons = Array.isArray(json.addons) ? json.addons : [];
  for (const addon of addons) {
    const plan = typeof addon === "string" ? addon : String(record(addon).plan ?? "");
    for (const said of herokuAddons[plan.split(":")[0]!.toLowerCase()] ?? [])
      add({ ...said, reason: `add-on ${quoted(plan)} in app.json`, weight: 3 });
  }
}

/** render.yaml: web services and workers run on Render, static sites are frontends, `databases` are Render Postgres. */
function render(text: string, add: Add): void {
  const blueprint = yamlRecord(text);
  if (!blueprint) {
    add({ topic: "backend.hosting", value: "Render", reason: "Render blueprint (render.yaml)", weight: 3 });
    return;
  }
  for (const service of Array.isArray(blueprint.services) ? blueprint.services : []) {
    const { type, runtime, env, name } = record(service);
    const label = quoted(String(name ?? type));
    if (type === "redis" || type === "keyvalue") {
      add({ topic: "database", value: "Redis", reason: `service ${label} in render.yaml`, weight: 3 });
      continue;
    }
    const staticSite = runtime === "static" || env === "static" || type === "static";
    add({
      topic: staticSite ? "frontend.hosting" : "backend.hosting",
      value: "Render",
      reason: `${String(type ?? "web")} service ${label} in render.yaml`,
      weight: 3,
    });
  }
  for (const database of Array.isArray(blueprint.databases) ? blueprint.databases : []) {
    const reason = `database ${quoted(String(record(database).name ?? "db"))} in render.yaml`;
    add({ topic: "database", value: "PostgreSQL", reason, weight: 3 });
    add({ topic: "database.provider", value: "Render Postgres", database: "PostgreSQL", reason, weight: 3 });
  }
}

/** app.yaml with a `runtime:` (and no Kubernetes `apiVersion:`) is a Google App Engine service. */
function appEngine(text: string, add: Add): void {
  const runtime = /^runtime:\s*([\w.-]+)/m.exec(text)?.[1];
  if (!runtime || /^apiVersion:/m.test(text)) return;
  const reason = `runtime ${quoted(runtime)} in app.yaml`;
  add({ topic: "backend.hosting", value: "Google App Engine", reason, weight: 3 });
  add({ topic: "cloud", value: "Google Cloud", reason, weight: 2 });
}

/** A Knative Service: Cloud Run when it carries Cloud Run annotations or a Google registry image, Knative on Kubernetes otherwise. */
export function knative(text: string, file: string, add: Add): void {
  if (!/serving\.knative\.dev/.test(text)) return;
  const cloudRun = /run\.googleapis\.com|gcr\.io\/|-docker\.pkg\.dev\//.test(text);
  const reason = `Knative Service in ${file}`;
  add({ topic: "backend.hosting", value: cloudRun ? "Google Cloud Run" : "Knative", reason, weight: 3 });
  if (cloudRun) {
    add({ topic: "cloud", value: "Google Cloud", reason, weight: 2 });
    add({ topic: "cloud.service", value: "Cloud Run", reason, weight: 1 });
  }
}

/** An ECS task definition (`containerDefinitions`), as the ECS deploy actions take it. */
function ecsTask(text: string, file: string, add: Add): void {
  const json = jsonRecord(text);
  if (!json || !Array.isArray(json.containerDefinitions)) return;
  const fargate = strings(json.requiresCompatibilities).includes("FARGATE");
  const reason = `ECS task definition${fargate ? " (Fargate)" : ""} in ${file}`;
  add({ topic: "backend.hosting", value: "AWS ECS", reason, weight: 3 });
  add({ topic: "cloud", value: "AWS", reason, weight: 2 });
  add({ topic: "cloud.service", value: "ECS", reason, weight: 1 });
}

/** Build folders of a documentation site: a netlify.toml that builds one hosts the docs, not the application. */
const docsFolder = /^\.?\/?(docs?|documentation|website)(\/|$)/i;

/** netlify.toml: Netlify hosts the frontend, unless what it builds is the documentation site. */
function netlify(text: string | undefined, add: Add): void {
  const build = record(tomlRecord(text)?.build);
  const folders = [build.base, build.publish].filter((value): value is string => typeof value === "string");
  if (folders.length > 0 && folders.every((folder) => docsFolder.test(folder))) return;
  add({ topic: "frontend.hosting", value: "Netlify", reason: "Netlify configuration (netlify.toml)", weight: 3 });
}

/** Hosting platforms' own configuration files. */
export function detectPlatforms(repo: Repository, findings: Findings): void {
  const each = (kind: Parameters<Repository["files"]>[0], read: (text: string, path: string, add: Add) => void) => {
    for (const path of repo.files(kind)) {
      const text = repo.text(path);
      if (text !== undefined) read(text, path, (finding) => findings.add({ ...finding, source: path }));
    }
  };
  each("firebase", (text, _path, add) => firebase(text, add));
  each("wrangler", (text, path, add) => wrangler(path, text, add));
  each("heroku-app", (text, _path, add) => herokuApp(text, add));
  // Read when it could be fetched; one that could not still says Netlify.
  for (const path of repo.files("netlify"))
    netlify(repo.text(path), (finding) => findings.add({ ...finding, source: path }));
  each("render", (text, _path, add) => render(text, add));
  each("app-engine", (text, _path, add) => appEngine(text, add));
  each("ecs-task", (text, path, add) => ecsTask(text, baseName(path), add));
}
