import type { Finding, Findings } from "../findings.js";
import type { Repository } from "../repository.js";
import { baseName, quoted } from "../text.js";

/** Database names as configuration spells them: Prisma providers, Rails adapters, URL schemes, Laravel connections. */
const spelled: Record<string, string> = {
  postgresql: "PostgreSQL",
  postgres: "PostgreSQL",
  postgis: "PostgreSQL",
  pgsql: "PostgreSQL",
  mysql: "MySQL",
  mysql2: "MySQL",
  trilogy: "MySQL",
  mariadb: "MariaDB",
  sqlite: "SQLite",
  sqlite3: "SQLite",
  sqlserver: "SQL Server",
  sqlsrv: "SQL Server",
  mssql: "SQL Server",
  mongodb: "MongoDB",
  "mongodb+srv": "MongoDB",
  cockroachdb: "CockroachDB",
  redis: "Redis",
  rediss: "Redis",
  oracle: "Oracle Database",
};

/** Hosts in connection strings that name who runs the database. */
const providerHosts: [RegExp, string][] = [
  [/\.neon\.tech\b/, "Neon"],
  [/\.supabase\.(co|com)\b/, "Supabase"],
  [/\.psdb\.cloud\b/, "PlanetScale"],
  [/\.rds\.amazonaws\.com\b/, "AWS RDS"],
  [/\.mongodb\.net\b/, "MongoDB Atlas"],
  [/\.database\.windows\.net\b/, "Azure SQL Database"],
  [/\.postgres\.database\.azure\.com\b/, "Azure Database for PostgreSQL"],
];

type Add = (finding: Omit<Finding, "source">) => void;

/** A connection string's database (by scheme) and provider (by host). */
function connection(url: string, reason: string, weight: number, add: Add): void {
  const scheme = /^(?:jdbc:)?([a-z0-9+]+?)(?:\+[a-z0-9]+)?:\/\//i.exec(url)?.[1]?.toLowerCase();
  const database = scheme === undefined ? undefined : spelled[scheme];
  if (!database) return;
  add({ topic: "database", value: database, reason, weight });
  for (const [host, provider] of providerHosts)
    if (host.test(url)) add({ topic: "database.provider", value: provider, database, reason, weight: 3 });
}

/** schema.prisma: `datasource db { provider = "postgresql" }`. */
function prisma(text: string, file: string, add: Add): void {
  const datasource = /datasource\s+\w+\s*\{([^}]{0,4000})\}/.exec(text)?.[1];
  const provider = datasource ? /provider\s*=\s*"(\w+)"/.exec(datasource)?.[1] : undefined;
  const database = provider ? spelled[provider] : undefined;
  if (database)
    add({
      topic: "database",
      value: database,
      reason: `Prisma datasource provider ${quoted(provider!)} in ${file}`,
      weight: 3,
    });
}

/**
 * config/database.yml (ERB, so read as text): the production section's adapter, else the
 * shared `default:` one, else the first. Development and test sections often use SQLite.
 */
function railsDatabase(text: string, add: Add): void {
  const sections = new Map<string, string>();
  let current = "";
  for (const line of text.split("\n")) {
    const key = /^([\w-]+):/.exec(line)?.[1];
    if (key) current = key;
    const adapter = /^\s+adapter:\s*["']?(\w+)/.exec(line)?.[1];
    if (adapter && !sections.has(current)) sections.set(current, adapter);
  }
  const adapter = sections.get("production") ?? sections.get("default") ?? [...sections.values()][0];
  const database = adapter ? spelled[adapter] : undefined;
  if (database)
    add({
      topic: "database",
      value: database,
      reason: `adapter ${quoted(adapter!)} in config/database.yml`,
      weight: 3,
    });
}

/**
 * Example environment files (`.env.example`; never `.env`, which holds secrets): the scheme
 * of DATABASE_URL and its kin, Laravel's DB_CONNECTION.
 */
function envExample(text: string, file: string, add: Add): void {
  for (const match of text.matchAll(/^[ \t]*(?:export[ \t]+)?([A-Z][A-Z0-9_]*)[ \t]*=[ \t]*["']?([^\s"'#]*)/gm)) {
    const [, name, value] = match as unknown as [string, string, string];
    if (name === "DB_CONNECTION") {
      const database = spelled[value.toLowerCase()];
      if (database) add({ topic: "database", value: database, reason: `DB_CONNECTION=${value} in ${file}`, weight: 2 });
    } else if (/(DATABASE|DB|POSTGRES|MYSQL|MONGO(DB)?|REDIS)_(URL|URI)$|^DATABASE_URL$/.test(name))
      connection(value, `${name} in ${file}`, /^REDIS/.test(name) ? 1 : 2, add);
  }
}

/** alembic.ini: `sqlalchemy.url = postgresql+asyncpg://...`. */
function alembic(text: string, add: Add): void {
  const url = /^[ \t]*sqlalchemy\.url[ \t]*=[ \t]*(\S+)/m.exec(text)?.[1];
  if (url) connection(url, "sqlalchemy.url in alembic.ini", 2, add);
}

/** A URL as it may be quoted: `scheme://user:password@host` loses everything before the host. */
const withoutCredentials = (url: string) => url.replace(/:\/\/[^/@\s]*@/, "://");

/** Spring's application.yml / .properties: JDBC and MongoDB URLs, Redis settings. */
function springConfig(text: string, file: string, add: Add): void {
  for (const match of text.matchAll(/(?:jdbc:[a-z]+|mongodb(?:\+srv)?):\/\/[^\s"']*/g))
    connection(match[0], `${quoted(withoutCredentials(match[0]).slice(0, 40))} in ${file}`, 2, add);
  if (/^[ \t]*(spring\.)?(data\.)?redis[.:]/m.test(text))
    add({ topic: "database", value: "Redis", reason: `Redis settings in ${file}`, weight: 1 });
}

/** appsettings.json: an Azure SQL connection string, Serilog and Application Insights sections. */
function appsettings(text: string, file: string, add: Add): void {
  if (/\.database\.windows\.net\b/.test(text)) {
    const reason = `Azure SQL connection string in ${file}`;
    add({ topic: "database", value: "SQL Server", reason, weight: 2 });
    add({ topic: "database.provider", value: "Azure SQL Database", database: "SQL Server", reason, weight: 3 });
  }
  if (/"Serilog"\s*:/.test(text))
    add({ topic: "logging", value: "Serilog", reason: `"Serilog" section in ${file}`, weight: 3 });
  if (/"ApplicationInsights"\s*:/.test(text))
    add({
      topic: "monitoring",
      value: "Azure Application Insights",
      reason: `"ApplicationInsights" section in ${file}`,
      weight: 3,
    });
}

/** drizzle.config.ts: `dialect: "postgresql"`. */
function drizzle(text: string, file: string, add: Add): void {
  const dialect = /\bdialect\s*:\s*["'](\w+)["']/.exec(text)?.[1];
  const database = dialect === "turso" ? "SQLite" : dialect ? spelled[dialect] : undefined;
  if (database)
    add({ topic: "database", value: database, reason: `Drizzle dialect ${quoted(dialect!)} in ${file}`, weight: 3 });
}

/** Configuration that names the database outright. */
export function detectDatabaseConfig(repo: Repository, findings: Findings): void {
  const readers: [Parameters<Repository["files"]>[0], (text: string, file: string, add: Add) => void][] = [
    ["prisma", prisma],
    ["rails-database", (text, _file, add) => railsDatabase(text, add)],
    ["env-example", envExample],
    ["alembic", (text, _file, add) => alembic(text, add)],
    ["spring-config", springConfig],
    ["appsettings", appsettings],
    ["drizzle-config", drizzle],
  ];
  for (const [kind, read] of readers)
    for (const path of repo.files(kind)) {
      const text = repo.text(path);
      if (text !== undefined) read(text, baseName(path), (finding) => findings.add({ ...finding, source: path }));
    }
}
