import { posix } from "node:path";
import { parse as parseToml } from "smol-toml";
import { isLockfile, isRuntimePinFile, readToolchainSwitches, runtimeLineChanges } from "./runtimes.js";
import { clean, listed, reasonText, switchesWithin, type ReadFile, type Signal } from "./signal.js";

/** A dependency as a manifest declares it: its version or range, the extras / features it asks for, and whether Go marks it indirect. */
interface Declared {
  version: string;
  extras: string[];
  indirect?: boolean;
  /** Only a development dependency (npm devDependencies): its majors count for toolchains, its arrival never. */
  dev?: boolean;
}
type Dependencies = Map<string, Declared>;

/** Frameworks: a new major of one reshapes the application; a new major of a small library does not. */
const frameworks = new Set([
  // JavaScript
  "react",
  "react-dom",
  "next",
  "vue",
  "nuxt",
  "svelte",
  "@sveltejs/kit",
  "@angular/core",
  "express",
  "fastify",
  "koa",
  "@nestjs/core",
  "@hapi/hapi",
  "@remix-run/node",
  "@remix-run/react",
  "gatsby",
  "astro",
  "electron",
  "@prisma/client",
  "prisma",
  "typeorm",
  "sequelize",
  "mongoose",
  "graphql",
  "@apollo/server",
  "apollo-server",
  "socket.io",
  "react-native",
  // Python
  "django",
  "flask",
  "fastapi",
  "starlette",
  "sqlalchemy",
  "celery",
  "pydantic",
  "tornado",
  "aiohttp",
  // Ruby
  "rails",
  "sinatra",
  "hanami",
  "grape",
  // Elixir
  "phoenix",
  "ecto_sql",
  // PHP
  "laravel/framework",
  "symfony/framework-bundle",
  "symfony/http-kernel",
  "slim/slim",
  // Go
  "github.com/gin-gonic/gin",
  "github.com/labstack/echo",
  "github.com/gofiber/fiber",
  "gorm.io/gorm",
  "google.golang.org/grpc",
  "github.com/go-chi/chi",
  "entgo.io/ent",
  // Rust
  "tokio",
  "actix-web",
  "axum",
  "rocket",
  "diesel",
  "sqlx",
  "warp",
  "tonic",
]);
const frameworkGroups =
  /^(org\.springframework(\.boot)?|io\.quarkus|io\.micronaut|io\.ktor|org\.hibernate(\.orm)?|jakarta\.platform):/;

/** Frameworks and toolchains that shape how the application is built or its state held, whatever section lists them. */
const shapingLibraries = new Set([
  "@trpc/server",
  "@trpc/client",
  "@tanstack/react-query",
  "pinia",
  "vuex",
  "vue-router",
  "redux",
  "@reduxjs/toolkit",
  "mobx",
  "nx",
  "@nx/workspace",
  "lerna",
  "turbo",
  "typescript",
  "vite",
  "webpack",
  "@angular/cli",
  "react-scripts",
  "@remix-run/dev",
  "drizzle-orm",
  "knex",
  "hono",
  "next-auth",
  "authlib",
  "spring-boot",
]);

/**
 * Tools of one kind, any of which a project picks once and every contributor then works with:
 * replacing one by another (Jest -> Vitest, webpack -> Vite) is a toolchain switch, wherever the
 * manifest lists them. Adding a second one beside the first is not a switch.
 */
const toolKinds: [kind: string, members: string[]][] = [
  ["test runner", ["jest", "vitest", "mocha", "ava", "jasmine", "tap", "uvu"]],
  [
    "bundler",
    [
      "webpack",
      "vite",
      "rollup",
      "parcel",
      "@rspack/core",
      "esbuild",
      "tsup",
      "snowpack",
      "browserify",
      // Build toolchains that wrap one (Vue CLI and Create React App run webpack).
      "@vue/cli-service",
      "react-scripts",
    ],
  ],
  ["end-to-end test framework", ["cypress", "@playwright/test", "nightwatch", "testcafe", "webdriverio"]],
  ["linter", ["eslint", "@biomejs/biome", "oxlint", "tslint", "standard", "xo"]],
];

/**
 * Servers of one kind that production runs: a switch counts between what the application ships
 * with, so a server used only in development (`puma` in the development group) that becomes the
 * production one replaces the old production server.
 */
const runtimeKinds: [kind: string, members: string[]][] = [
  [
    "application server",
    [
      "gunicorn",
      "uvicorn",
      "granian",
      "hypercorn",
      "daphne",
      "waitress",
      "bjoern",
      "meinheld",
      "puma",
      "unicorn",
      "passenger",
      "thin",
      "pitchfork",
    ],
  ],
];

const shipped = (deps: Dependencies, name: string) => deps.has(name) && deps.get(name)!.dev !== true;

const toolSwitches = (old: Dependencies, next: Dependencies) => [
  ...switchesWithin(
    toolKinds,
    (name) => old.has(name),
    (name) => next.has(name),
  ),
  ...switchesWithin(
    runtimeKinds,
    (name) => shipped(old, name),
    (name) => shipped(next, name),
  ),
];

const isFramework = (name: string) =>
  frameworks.has(name.toLowerCase()) || shapingLibraries.has(name.toLowerCase()) || frameworkGroups.test(name);

/**
 * Dependencies that bring in something the team must run or rely on: a datastore, a queue, a
 * cloud or external service (their clients), or a framework. Adding an ordinary library (a CSV
 * parser, a UI kit, a date helper) is a feature; adding one of these is a decision.
 */
const connectsToSomething = new RegExp(
  [
    // Datastores and their drivers / ORMs.
    String.raw`^(?:pg|postgres|mysql2?|mariadb|mongodb|mongoose|redis|ioredis|@redis\/client|sqlite3|better-sqlite3|cassandra-driver|neo4j-driver|@elastic\/elasticsearch|@opensearch-project\/opensearch|@clickhouse\/client|typeorm|sequelize|prisma|@prisma\/client|@mikro-orm\/core|@supabase\/supabase-js)$`,
    String.raw`^(?:psycopg2?(?:-binary)?|psycopg|pymysql|mysqlclient|asyncpg|pymongo|motor|elasticsearch|opensearch-py|clickhouse-driver|cassandra-driver|sqlalchemy|peewee|tortoise-orm)$`,
    String.raw`^(?:github\.com\/(?:lib\/pq|jackc\/pgx|go-sql-driver\/mysql|redis\/go-redis|go-redis\/redis|elastic\/go-elasticsearch|mattn\/go-sqlite3)|go\.mongodb\.org\/mongo-driver|gorm\.io\/gorm|entgo\.io\/ent)`,
    String.raw`^(?:sqlx|diesel|redis|mongodb|sea-orm|tokio-postgres)$|^org\.postgresql:|^com\.mysql:|^org\.mongodb:|^redis\.clients:|^io\.lettuce:`,
    String.raw`^(?:pg|mysql2|trilogy|sqlite3|redis|redis-client|mongoid|elasticsearch|opensearch-ruby|searchkick|activerecord-\S+-adapter)$`,
    String.raw`^(?:doctrine\/dbal|doctrine\/orm|predis\/predis|mongodb\/mongodb|elasticsearch\/elasticsearch)$`,
    String.raw`^(?:postgrex|myxql|redix|mongodb_driver|ecto_sqlite3|exqlite)$`,
    // Queues and streams.
    String.raw`^(?:bull|bullmq|kafkajs|amqplib|amqp-connection-manager|nats|@temporalio\/\w+|@google-cloud\/pubsub)$`,
    String.raw`^(?:celery|rq|dramatiq|kafka-python|confluent-kafka|aiokafka|pika|kombu)$`,
    String.raw`^(?:github\.com\/(?:segmentio\/kafka-go|confluentinc\/confluent-kafka-go|rabbitmq\/amqp091-go|nats-io\/nats\.go|hibiken\/asynq)|go\.temporal\.io\/sdk)`,
    String.raw`^(?:rdkafka|lapin|async-nats)$|^org\.apache\.kafka:|^org\.springframework\.kafka:|^com\.rabbitmq:`,
    String.raw`^(?:sidekiq|resque|good_job|solid_queue|delayed_job_active_record|sneakers|bunny|ruby-kafka|rdkafka|karafka|php-amqplib\/php-amqplib)$`,
    String.raw`^(?:oban|broadway_kafka|broadway_rabbitmq|amqp|kaffe|brod|exq)$`,
    // Cloud and external services.
    String.raw`^(?:@aws-sdk\/\S+|aws-sdk|@google-cloud\/\S+|@azure\/\S+|firebase|firebase-admin|stripe|@stripe\/\S+|openai|@anthropic-ai\/sdk|twilio|@sendgrid\/\S+|@sentry\/\S+|@datadog\/\S+|dd-trace|newrelic|launchdarkly-\S+|@launchdarkly\/\S+|algoliasearch|@vercel\/\S+)$`,
    String.raw`^(?:boto3|botocore|google-cloud-\S+|azure-\S+|stripe|openai|anthropic|twilio|sendgrid|sentry-sdk|ddtrace|newrelic|launchdarkly-server-sdk)$`,
    String.raw`^(?:github\.com\/aws\/aws-sdk-go(?:-v2)?|cloud\.google\.com\/go|github\.com\/Azure\/azure-sdk-for-go|github\.com\/stripe\/stripe-go|github\.com\/getsentry\/sentry-go)`,
    String.raw`^(?:aws-sdk-\S+|aws-config|google-cloud-\S+|azure_\S+)$|^software\.amazon\.awssdk:|^com\.amazonaws:|^com\.google\.cloud:|^com\.azure:|^com\.stripe:|^io\.sentry:`,
    String.raw`^(?:aws-sdk-\S+|aws\/aws-sdk-php|google\/cloud-\S+|stripe\/stripe-php|sentry-ruby|sentry-rails|sentry\/sentry-laravel|sentry\/sentry)$`,
    String.raw`^(?:ex_aws\S*|stripity_stripe|appsignal|appsignal_phoenix|sentry|honeybadger|new_relic_agent|spandex)$`,
    // Search and vector engines embedded in the application or run beside it: its index lives there.
    String.raw`^(?:whoosh|tantivy|tantivy-py|lancedb|sqlite-vec|chromadb|faiss-cpu|faiss-gpu|qdrant-client|@qdrant\/js-client-rest|pinecone|pinecone-client|@pinecone-database\/pinecone|weaviate-client|pymilvus|meilisearch|typesense|@meilisearch\/\S+|bleve|github\.com\/blevesearch\/bleve)$`,
    // Embedded and edge datastores: the application's data then lives in their format.
    String.raw`^(?:go\.etcd\.io\/bbolt|github\.com\/boltdb\/bolt|github\.com\/dgraph-io\/badger|github\.com\/cockroachdb\/pebble|github\.com\/syndtr\/goleveldb|@libsql\/client|libsql|@tursodatabase\/\S+|lmdb|level|rocksdb|sled|redb|duckdb|@duckdb\/\S+)$`,
    // Who signs users in: an identity provider's SDK, single sign-on (SAML, OpenID Connect) or an authentication framework.
    String.raw`^(?:@workos-inc\/\S+|workos|auth0|@auth0\/\S+|@okta\/\S+|@clerk\/\S+|@kinde-oss\/\S+|@supabase\/auth-\S+|@node-saml\/\S+|passport-saml|@boxyhq\/saml-jackson|openid-client|keycloak-connect|keycloak-js|@keycloak\/\S+|lucia|better-auth|@auth\/core|oidc-provider|@node-oauth\/oauth2-server)$`,
    String.raw`^(?:python3-saml|pysaml2|djangosaml2|mozilla-django-oidc|django-allauth|django-oauth-toolkit|social-auth-\S+|authlib|python-keycloak|flask-dance|fastapi-users)$`,
    String.raw`^(?:github\.com\/(?:coreos\/go-oidc|crewjam\/saml|markbates\/goth|zitadel\/oidc|ory\/(?:client-go|kratos-client-go|hydra-client-go|keto-client-go|fosite|ladon)|workos\/workos-go))`,
    String.raw`^(?:onelogin\/php-saml|hslavich\/oneloginsaml-bundle|nbgrp\/onelogin-saml-bundle|friendsofsymfony\/user-bundle|knpuniversity\/oauth2-client-bundle|league\/oauth2-server|laravel\/passport|laravel\/socialite|workos\/workos-php)$`,
    String.raw`^(?:devise|doorkeeper|omniauth|omniauth-\S+|ruby-saml|rodauth|rodauth-rails|ueberauth|ueberauth_\S+|samly)$|^org\.springframework\.security:spring-security-(?:saml2|oauth2)|^org\.keycloak:`,
    // Product analytics, APM and error tracking: data sent to a vendor the team then depends on.
    String.raw`^(?:posthog-js|posthog-node|posthog|@segment\/\S+|analytics-node|mixpanel(?:-browser)?|amplitude-js|@amplitude\/\S+|@appsignal\/\S+|@bugsnag\/\S+|bugsnag|rollbar|logrocket|@honeybadger-io\/\S+|@rollbar\/\S+|expo-server-sdk)$`,
  ].join("|"),
  "i",
);

const bringsSomethingIn = (name: string) => connectsToSomething.test(name) || isFramework(name);

/** The part of a version that breaks: "^4.2.0" -> "4". Below 1 every minor may break, but by default a `0.x` bump is not a new major. */
function majorOf(version: string, zeroMinorIsMajor = false): string | undefined {
  // A ceiling alone (`<2.0`) allows the major below it: `<2.0` -> `>2.0` is 1 -> 2.
  const ceiling = /^\s*<\s*v?(\d+)(?:\.0)*\s*$/.exec(version);
  if (ceiling && Number(ceiling[1]) > 0) return String(Number(ceiling[1]) - 1);
  const match = /(\d+)(?:\.(\d+))?/.exec(version);
  if (!match) return undefined;
  return match[1] === "0" && zeroMinorIsMajor ? `0.${match[2] ?? "0"}` : match[1];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

class ManifestProblem extends Error {}

function fromPackageJson(text: string): Dependencies {
  const json: unknown = JSON.parse(text);
  if (!isRecord(json)) throw new ManifestProblem("the file is not a JSON object");
  const deps: Dependencies = new Map();
  // Runtime dependencies only: devDependencies do not ship.
  for (const section of ["dependencies", "peerDependencies", "optionalDependencies"]) {
    const entries = json[section];
    if (entries === undefined) continue;
    if (!isRecord(entries))
      throw new ManifestProblem(`"${section}" is ${typeof entries}, not an object of name: version`);
    for (const [name, version] of Object.entries(entries)) deps.set(name, { version: String(version), extras: [] });
  }
  // Toolchains (Nx, Vite, webpack) live in devDependencies: read for their majors only.
  const development = json.devDependencies;
  if (isRecord(development))
    for (const [name, version] of Object.entries(development))
      if (!deps.has(name)) deps.set(name, { version: String(version), extras: [], dev: true });
  return deps;
}

/**
 * A Gemfile: `gem "rails", "~> 8.0"` lines; gems of a `group :development, :test` block are
 * development dependencies (their majors count for toolchains, their arrival never).
 */
function fromGemfile(text: string): Dependencies {
  const deps: Dependencies = new Map();
  let devDepth = 0;
  let depth = 0;
  for (const raw of text.split("\n")) {
    const line = raw.replace(/#.*/, "").trim();
    if (/^group\b.*\bdo\b/.test(line)) {
      depth++;
      if (devDepth === 0 && !/:production\b|:default\b/.test(line) && /:development\b|:test\b/.test(line))
        devDepth = depth;
      continue;
    }
    // Every block Ruby closes with `end` is counted, so that an `if` inside a group does not end the group.
    if (/\bdo(?:\s*\|[^|]*\|)?$/.test(line) || /^(?:if|unless|case|begin|while|until)\b/.test(line)) depth++;
    else if (line === "end" && depth > 0) {
      if (devDepth === depth) devDepth = 0;
      depth--;
    }
    const gem = /^gem\s*(?:\(\s*)?["']([\w.-]+)["'](?:\s*,\s*["']([^"']+)["'])?/.exec(line);
    if (gem)
      deps.set(gem[1]!, {
        version: gem[2] ?? "*",
        extras: [],
        ...(devDepth > 0 || /\bgroups?:\s*\[?:(?:development|test)\b/.test(line) ? { dev: true } : {}),
      });
  }
  return deps;
}

/**
 * Gemfile.lock: the exact release of every gem. Read for framework majors only (`rails (7.2.2)`
 * -> `(8.0.1)`, where the Gemfile often names no version): what a lockfile adds is mostly what
 * others depend on, so, like a development dependency, its arrival never counts.
 */
function fromGemfileLock(text: string): Dependencies {
  const deps: Dependencies = new Map();
  for (const match of text.matchAll(/^ {4}([\w.-]+) \((\d[^)\s]*)\)$/gm))
    deps.set(match[1]!, { version: match[2]!, extras: [], dev: true });
  return deps;
}

/** composer.json: `require` (runtime) and `require-dev`, as package.json's sections. */
function fromComposer(text: string): Dependencies {
  const json: unknown = JSON.parse(text);
  if (!isRecord(json)) throw new ManifestProblem("the file is not a JSON object");
  const deps: Dependencies = new Map();
  for (const [section, dev] of [
    ["require", false],
    ["require-dev", true],
  ] as const) {
    const entries = json[section];
    // PHP writes an empty object as `[]`.
    if (entries === undefined || (Array.isArray(entries) && entries.length === 0)) continue;
    if (!isRecord(entries))
      throw new ManifestProblem(
        `"${section}" is ${Array.isArray(entries) ? "a list" : typeof entries}, not an object of name: version`,
      );
    for (const [name, version] of Object.entries(entries))
      if (!deps.has(name) && name !== "php" && !name.startsWith("ext-"))
        deps.set(name.toLowerCase(), { version: String(version), extras: [], ...(dev ? { dev: true } : {}) });
  }
  return deps;
}

/** mix.exs: `{:phoenix, "~> 1.7"}` tuples; `only: [:dev, :test]` ones are development dependencies. */
function fromMix(text: string): Dependencies {
  const deps: Dependencies = new Map();
  // `[^{}]*`: each tuple is read up to the next brace, so a file of unclosed tuples stays linear.
  for (const match of text.matchAll(/\{\s*:(\w+)\s*,([^{}]*)\}/g)) {
    const rest = match[2]!;
    const version = /^\s*"([^"]*)"/.exec(rest)?.[1] ?? "*";
    const dev = /\bonly:\s*(?:\[\s*)?:(?:dev|test)\b/.test(rest) && !/:prod\b/.test(rest);
    deps.set(match[1]!, { version, extras: [], ...(dev ? { dev: true } : {}) });
  }
  return deps;
}

function fromGoMod(text: string): Dependencies {
  const deps: Dependencies = new Map();
  let inBlock = false;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (/^require\s*\($/.test(line)) inBlock = true;
    else if (inBlock && line === ")") inBlock = false;
    const entry = inBlock ? line : /^require\s+(.*)$/.exec(line)?.[1];
    const match = entry ? /^(\S+)\s+(v\S+)/.exec(entry) : null;
    if (!match) continue;
    // Major versions 2+ live at a /vN path: the same module, not a new one.
    const name = match[1]!.replace(/\/v\d+$/, "");
    deps.set(name, { version: match[2]!, extras: [], indirect: entry!.includes("// indirect") });
  }
  return deps;
}

function requirement(line: string): [string, Declared] | undefined {
  const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?\s*(.*)$/.exec(line.trim());
  if (!match) return undefined;
  const extras = (match[2] ?? "")
    .split(",")
    .map((extra) => extra.trim().toLowerCase())
    .filter(Boolean);
  return [match[1]!.toLowerCase().replace(/[._]/g, "-"), { version: match[3]!.split(";")[0]!.trim() || "*", extras }];
}

function fromRequirements(text: string): Dependencies {
  const deps: Dependencies = new Map();
  for (const raw of text.split("\n")) {
    const line = raw.replace(/#.*/, "").trim();
    if (!line || line.startsWith("-")) continue;
    const entry = requirement(line);
    if (entry) deps.set(...entry);
  }
  return deps;
}

function fromPyproject(text: string): Dependencies {
  const toml = parseToml(text) as {
    project?: { dependencies?: unknown };
    tool?: { poetry?: { dependencies?: unknown } };
  };
  const projectDependencies = toml.project?.dependencies;
  if (projectDependencies !== undefined && !Array.isArray(projectDependencies))
    throw new ManifestProblem("project.dependencies is not a list");
  const deps = fromRequirements((projectDependencies ?? []).map(String).join("\n"));
  const poetry = toml.tool?.poetry?.dependencies;
  if (poetry !== undefined && !isRecord(poetry)) throw new ManifestProblem("tool.poetry.dependencies is not a table");
  for (const [name, spec] of Object.entries(poetry ?? {})) {
    if (name === "python") continue;
    const table = isRecord(spec) ? spec : {};
    deps.set(name.toLowerCase().replace(/[._]/g, "-"), {
      version: typeof spec === "string" ? spec : String(table.version ?? "*"),
      extras: Array.isArray(table.extras) ? table.extras.map((extra) => String(extra).toLowerCase()) : [],
    });
  }
  return deps;
}

function fromCargo(text: string): Dependencies {
  const toml = parseToml(text) as { dependencies?: unknown };
  if (toml.dependencies !== undefined && !isRecord(toml.dependencies))
    throw new ManifestProblem("[dependencies] is not a table");
  return new Map(
    Object.entries(toml.dependencies ?? {}).map(([name, spec]) => {
      const table = isRecord(spec) ? spec : {};
      return [
        name,
        {
          version: typeof spec === "string" ? spec : String(table.version ?? "*"),
          extras: Array.isArray(table.features) ? table.features.map(String) : [],
        },
      ];
    }),
  );
}

/** pom.xml: the `<parent>` (Spring Boot's starter parent is the framework) and `<dependency>` blocks not test- or provided-scoped. */
function fromPom(text: string): Dependencies {
  const deps: Dependencies = new Map();
  const parentStart = text.indexOf("<parent>");
  const parentEnd = parentStart < 0 ? -1 : text.indexOf("</parent>", parentStart);
  if (parentEnd > 0) {
    const block = text.slice(parentStart, parentEnd);
    const tag = (name: string) => new RegExp(`<${name}>\\s*([^<\\s]+)\\s*</${name}>`).exec(block)?.[1];
    const group = tag("groupId");
    const artifact = tag("artifactId");
    if (group && artifact) deps.set(`${group}:${artifact}`, { version: tag("version") ?? "*", extras: [] });
  }
  // indexOf, not a lazy regex: a file of unclosed <dependency> tags stays linear (a PR author controls it).
  for (let start = text.indexOf("<dependency>"); start >= 0; start = text.indexOf("<dependency>", start + 1)) {
    const end = text.indexOf("</dependency>", start);
    if (end < 0) break;
    const block = text.slice(start, end);
    const tag = (name: string) => {
      const open = block.indexOf(`<${name}>`);
      const close = open < 0 ? -1 : block.indexOf(`</${name}>`, open);
      const value = close < 0 ? "" : block.slice(open + name.length + 2, close).trim();
      return value && !value.includes("<") ? value : undefined;
    };
    if (["test", "provided"].includes(tag("scope") ?? "")) continue;
    const group = tag("groupId");
    const artifact = tag("artifactId");
    if (group && artifact) deps.set(`${group}:${artifact}`, { version: tag("version") ?? "*", extras: [] });
  }
  return deps;
}

/** build.gradle(.kts) is code: dependency notations are read by pattern ("group:name:version"). */
function fromGradle(text: string): Dependencies {
  const deps: Dependencies = new Map();
  // The Spring Boot plugin's version is the framework's: `id 'org.springframework.boot' version '3.5.0'`.
  const boot = /\bid\s*(?:\(\s*)?["']org\.springframework\.boot["']\s*(?:\)\s*)?version\s*["']([^"']+)["']/.exec(text);
  if (boot) deps.set("org.springframework.boot:spring-boot", { version: boot[1]!, extras: [] });
  // One whitespace run before an optional "(" and one after it: two adjacent \s* would backtrack on long runs of spaces.
  const notation =
    /\b(?:implementation|api|runtimeOnly|compile)\s*(?:\(\s*)?["']([^:"']+):([^:"']+)(?::([^"']+))?["']/g;
  for (const match of text.matchAll(notation))
    deps.set(`${match[1]}:${match[2]}`, { version: match[3] ?? "*", extras: [] });
  return deps;
}

const manifestReaders: [RegExp, (text: string) => Dependencies][] = [
  [/^package\.json$/, fromPackageJson],
  [/^go\.mod$/, fromGoMod],
  [/^requirements.*\.txt$/, fromRequirements],
  [/^pyproject\.toml$/, fromPyproject],
  [/^Cargo\.toml$/, fromCargo],
  [/^pom\.xml$/, fromPom],
  [/^build\.gradle(\.kts)?$/, fromGradle],
  [/^Gemfile$/, fromGemfile],
  [/^Gemfile\.lock$/, fromGemfileLock],
  [/^composer\.json$/, fromComposer],
  [/^mix\.exs$/, fromMix],
];

export function isDependencyManifest(path: string): boolean {
  const name = posix.basename(path);
  return manifestReaders.some(([pattern]) => pattern.test(name)) || isRuntimePinFile(path) || isLockfile(path);
}

/** A submodule's diff: its pointer moved, or it was added / removed. */
export const isSubmoduleChange = (patch: string | undefined) =>
  /^[+-]Subproject commit [0-9a-f]{7,}/m.test(patch ?? "");

function read(path: string, text: string | undefined): { deps: Dependencies; problem?: string } {
  const cleaned = clean(text);
  if (cleaned === undefined) return { deps: new Map() };
  const reader = manifestReaders.find(([pattern]) => pattern.test(posix.basename(path)))?.[1];
  try {
    return { deps: reader ? reader(cleaned) : new Map() };
  } catch (error) {
    return { deps: new Map(), problem: reasonText(error instanceof Error ? error.message : String(error)) };
  }
}

/** The service a client names: `@acme/redis-client` and `redis` both name redis. */
/** Drivers whose name does not say the service they speak to. */
const driverServices: Record<string, string> = {
  pg: "postgres",
  trilogy: "mysql",
  psycopg: "postgres",
  asyncpg: "postgres",
};

const serviceWord = (name: string) =>
  driverServices[name.toLowerCase().replace(/\d+(-binary)?$/, "")] ??
  /(postgres|mysql|mariadb|mongo|redis|kafka|rabbitmq|amqp|nats|elastic|opensearch|clickhouse|sqlite|stripe|sentry|openai)/i
    .exec(name)?.[1]
    ?.toLowerCase();

/** A client swapped for another client of the same service (`@acme/redis-client` -> `redis`): no new service. */
function replacesClientOfSameService(name: string, old: Dependencies, next: Dependencies): boolean {
  const word = serviceWord(name);
  return (
    word !== undefined && [...old.keys()].some((previous) => !next.has(previous) && serviceWord(previous) === word)
  );
}

/** A driver's name and generation: `psycopg2-binary` -> psycopg, 2; `psycopg` -> psycopg, none (its 3). */
const driverGeneration = (name: string) => {
  const [, stem, generation] = /^(.*?)(\d*)$/.exec(name.toLowerCase().replace(/-binary$/, ""))!;
  return { stem: stem!, generation: generation! };
};

/** The older generation of the same datastore driver this one replaces (`psycopg2` for `psycopg`), if any. */
function driverGenerationReplaced(name: string, old: Dependencies, next: Dependencies): string | undefined {
  if (!connectsToSomething.test(name)) return undefined;
  return [...old.keys()].find((previous) => {
    const [was, is] = [driverGeneration(previous), driverGeneration(name)];
    return !next.has(previous) && was.stem === is.stem && was.generation !== is.generation;
  });
}

/** The decisions among a manifest's dependencies: what it brings in or drops, framework majors, new extras. */
function dependencyDecisions(
  old: Dependencies,
  next: Dependencies,
  options: DependencyOptions,
): { parts: string[]; names: string[]; ordinary: string[] } {
  const parts: string[] = [];
  const names: string[] = [];
  const ordinary: string[] = [];
  for (const [name, declared] of next) {
    if (declared.indirect) continue;
    const previous = old.get(name);
    if (previous === undefined || (previous.dev && !declared.dev)) {
      if (declared.dev) continue;
      // Every query then runs through the new driver's API and behaviour: a driver major, not a library bump.
      const replaced = previous === undefined ? driverGenerationReplaced(name, old, next) : undefined;
      if (replaced !== undefined) {
        parts.push(
          `moves the ${serviceWord(name) ?? "datastore"} driver from ${replaced} to ${name} ${declared.version}`,
        );
        names.push(name);
        continue;
      }
      if (bringsSomethingIn(name) && !replacesClientOfSameService(name, old, next)) {
        parts.push(`adds ${name} ${declared.version}`);
        names.push(name);
      } else ordinary.push(name);
      continue;
    }
    // A datastore driver or service client the code now imports itself: a backend it talks to, not a library's need.
    if (previous.indirect && connectsToSomething.test(name)) {
      parts.push(`now uses ${name} directly (was only indirect)`);
      names.push(name);
    }
    const from = majorOf(previous.version, options.zeroMinorIsMajor);
    const to = majorOf(declared.version, options.zeroMinorIsMajor);
    if (from !== undefined && to !== undefined && from !== to && isFramework(name)) {
      parts.push(`moves ${name} from ${previous.version} to ${declared.version}`);
      names.push(name);
    }
    const extras = declared.extras.filter((extra) => !previous.extras.includes(extra));
    if (extras.length > 0) {
      parts.push(`${name} gains ${listed(extras)}`);
      names.push(name);
    }
  }
  for (const change of toolSwitches(old, next)) {
    parts.push(change);
    names.push(change.split(" -> ").pop()!.split(", ")[0]!);
  }
  for (const [name, declared] of old)
    if (
      !next.has(name) &&
      !declared.dev &&
      !declared.indirect &&
      (connectsToSomething.test(name) || isFramework(name)) &&
      !replacesClientOfSameService(name, next, old)
    ) {
      parts.push(`drops ${name}`);
      names.push(name);
    }
  return { parts, names, ordinary };
}

export interface DependencyOptions {
  /** Count a `0.x` minor bump (0.4 -> 0.5) of an existing dependency as a new major (default: no). */
  zeroMinorIsMajor?: boolean;
}

/**
 * Dependency manifests (npm, Go, pip, Poetry / PEP 621, Cargo, Maven, Gradle) and submodules. A
 * decision: a runtime dependency new to the manifest (Go: not one that only stops being
 * `// indirect`), a new major of a framework (React, Django, Spring Boot...), a new extra or
 * feature on a dependency (`Django` -> `Django[argon2]`), a submodule added. Patch and minor
 * bumps, `0.x` minors, majors of small libraries, dev dependencies, reordering are not. A manifest
 * that cannot be read is reported, not silently skipped.
 */
export function readDependencies(files: readonly ReadFile[], options: DependencyOptions = {}): Signal[] {
  const signals: Signal[] = readToolchainSwitches(files.filter((file) => isLockfile(file.path)));
  for (const file of files) {
    if (isLockfile(file.path)) continue;
    if (isRuntimePinFile(file.path)) {
      const changes = runtimeLineChanges(file);
      signals.push({
        file: file.path,
        decision: changes.length > 0,
        reason: changes.length > 0 ? reasonText(`runtime ${listed(changes)}`) : "runtime version within the same line",
        technologies: changes.map((change) => change.split(" ")[0]!),
      });
      continue;
    }
    if (isSubmoduleChange(file.patch)) {
      const added = /^\+Subproject commit/m.test(file.patch!) && !/^-Subproject commit/m.test(file.patch!);
      signals.push({
        file: file.path,
        decision: added,
        reason: added ? "adds a submodule" : "submodule moved to another commit",
        technologies: ["submodule"],
      });
      continue;
    }
    const old = read(file.previousPath ?? file.path, file.before);
    const next = read(file.path, file.after);
    if (next.problem !== undefined || old.problem !== undefined) {
      signals.push({
        file: file.path,
        decision: false,
        reason: `could not be read: ${next.problem ?? old.problem}`,
        technologies: [],
        problem: true,
      });
      continue;
    }
    const { parts, names, ordinary } = dependencyDecisions(old.deps, next.deps, options);
    const runtimes = runtimeLineChanges(file);
    parts.unshift(...runtimes);
    names.unshift(...runtimes.map((change) => change.split(" ")[0]!));
    signals.push(
      parts.length > 0
        ? {
            file: file.path,
            decision: true,
            reason: reasonText(listed(parts, 5)),
            technologies: names.map((name) => name.split(/[/:]/).pop()!),
          }
        : {
            file: file.path,
            decision: false,
            reason:
              ordinary.length > 0
                ? reasonText(`adds ${listed(ordinary)}: libraries, not a datastore, service or framework`)
                : "version bumps, dev dependencies or order only",
            technologies: [],
          },
    );
  }
  return signals;
}
