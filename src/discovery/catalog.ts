import type { Topic } from "./findings.js";
import type { Ecosystem } from "./repository-files.js";

/** What a dependency says about the stack: a topic's value, and for a database the company that runs it, when the package names one. */
export interface Technology {
  topic: Topic;
  value: string;
  /** A database provider the package implies (`@neondatabase/serverless` -> Neon). */
  provider?: string;
}

const frontend = (value: string): Technology => ({ topic: "frontend.framework", value });
const backend = (value: string): Technology => ({ topic: "backend.framework", value });
const database = (value: string, provider?: string): Technology => ({
  topic: "database",
  value,
  ...(provider ? { provider } : {}),
});
const jobs = (value: string): Technology => ({ topic: "backend.jobs", value });
const monitoring = (value: string): Technology => ({ topic: "monitoring", value });
const logging = (value: string): Technology => ({ topic: "logging", value });
const alerting = (value: string): Technology => ({ topic: "alerting", value });
const cloud = (value: string): Technology => ({ topic: "cloud", value });
const iac = (value: string): Technology => ({ topic: "iac", value });

const postgres = database("PostgreSQL");
const mysql = database("MySQL");
const mongodb = database("MongoDB");
const redis = database("Redis");
const sqlite = database("SQLite");
const dynamodb = database("DynamoDB");
const sqlServer = database("SQL Server");
const elasticsearch = database("Elasticsearch");
// Sentry watches errors and performance (monitoring) and pages people about them (alerting).
const sentryMonitoring = monitoring("Sentry");
const sentry = alerting("Sentry");
const datadog = monitoring("Datadog");
const newRelic = monitoring("New Relic");
const prometheus = monitoring("Prometheus");
const openTelemetry = monitoring("OpenTelemetry");

/**
 * Meta-frameworks and the frameworks they are built on: within one manifest the base is not
 * listed again (a Next.js app is "Next.js", not "Next.js, React"; NestJS runs on Express).
 */
export const builtOn: Record<string, string[]> = {
  "Next.js": ["React"],
  Remix: ["React"],
  Gatsby: ["React"],
  Nuxt: ["Vue"],
  SvelteKit: ["Svelte"],
  SolidStart: ["Solid"],
  NestJS: ["Express", "Fastify"],
  FastAPI: ["Starlette"],
  Laravel: ["Symfony"],
};

/** Frontend frameworks rendered by a full-stack framework's server: their server is the backend, where it is hosted is where the backend runs. */
export const fullStackFrameworks = new Set(["Next.js", "Nuxt", "SvelteKit", "Remix", "Astro", "SolidStart"]);

/** Frontends served by the backend itself (server-rendered): they are hosted where the backend is. */
export const backendRenderedFrontends = new Set(["Hotwire", "Phoenix LiveView", "Livewire", "Blazor"]);

interface EcosystemCatalog {
  exact: Record<string, Technology[]>;
  /** Name prefixes (`@sentry/`, `opentelemetry-`): a family of packages saying the same. */
  prefixes: [string, Technology[]][];
}

const node: EcosystemCatalog = {
  exact: {
    next: [frontend("Next.js")],
    react: [frontend("React")],
    "react-dom": [frontend("React")],
    vue: [frontend("Vue")],
    nuxt: [frontend("Nuxt")],
    svelte: [frontend("Svelte")],
    "@sveltejs/kit": [frontend("SvelteKit")],
    "@angular/core": [frontend("Angular")],
    "@remix-run/react": [frontend("Remix")],
    "@react-router/dev": [frontend("React Router (framework)")],
    astro: [frontend("Astro")],
    gatsby: [frontend("Gatsby")],
    "solid-js": [frontend("Solid")],
    "@solidjs/start": [frontend("SolidStart")],
    preact: [frontend("Preact")],
    "@builder.io/qwik": [frontend("Qwik")],
    "ember-source": [frontend("Ember.js")],
    lit: [frontend("Lit")],
    express: [backend("Express")],
    fastify: [backend("Fastify")],
    "@nestjs/core": [backend("NestJS")],
    koa: [backend("Koa")],
    hono: [backend("Hono")],
    "@hapi/hapi": [backend("hapi")],
    "@adonisjs/core": [backend("AdonisJS")],
    "@feathersjs/feathers": [backend("Feathers")],
    "@loopback/core": [backend("LoopBack")],
    restify: [backend("Restify")],
    elysia: [backend("Elysia")],
    probot: [backend("Probot")],
    "@apollo/server": [backend("Apollo Server")],
    "apollo-server": [backend("Apollo Server")],
    pg: [postgres],
    postgres: [postgres],
    "pg-promise": [postgres],
    "@neondatabase/serverless": [database("PostgreSQL", "Neon")],
    "@vercel/postgres": [database("PostgreSQL", "Vercel Postgres")],
    "@supabase/supabase-js": [database("PostgreSQL", "Supabase")],
    mysql: [mysql],
    mysql2: [mysql],
    "@planetscale/database": [database("MySQL", "PlanetScale")],
    mongodb: [mongodb],
    mongoose: [mongodb],
    redis: [redis],
    ioredis: [redis],
    "@upstash/redis": [database("Redis", "Upstash")],
    "better-sqlite3": [sqlite],
    sqlite3: [sqlite],
    "@libsql/client": [database("SQLite", "Turso")],
    "@aws-sdk/client-dynamodb": [dynamodb],
    "@aws-sdk/lib-dynamodb": [dynamodb],
    dynamoose: [dynamodb],
    "cassandra-driver": [database("Cassandra")],
    "@elastic/elasticsearch": [elasticsearch],
    "@opensearch-project/opensearch": [database("OpenSearch")],
    mssql: [sqlServer],
    tedious: [sqlServer],
    "@google-cloud/firestore": [database("Firestore", "Google Cloud")],
    "neo4j-driver": [database("Neo4j")],
    "@clickhouse/client": [database("ClickHouse")],
    bullmq: [jobs("BullMQ"), redis],
    bull: [jobs("Bull"), redis],
    agenda: [jobs("Agenda")],
    "pg-boss": [jobs("pg-boss")],
    "graphile-worker": [jobs("Graphile Worker")],
    "@temporalio/worker": [jobs("Temporal")],
    "@trigger.dev/sdk": [jobs("Trigger.dev")],
    inngest: [jobs("Inngest")],
    "dd-trace": [datadog],
    "@datadog/browser-rum": [datadog],
    newrelic: [newRelic],
    "prom-client": [prometheus],
    "elastic-apm-node": [monitoring("Elastic APM")],
    "@appsignal/nodejs": [monitoring("AppSignal")],
    "@honeycombio/opentelemetry-node": [monitoring("Honeycomb")],
    applicationinsights: [monitoring("Azure Application Insights")],
    "aws-xray-sdk": [monitoring("AWS X-Ray")],
    pino: [logging("pino")],
    winston: [logging("winston")],
    bunyan: [logging("bunyan")],
    log4js: [logging("log4js")],
    "@pagerduty/pdjs": [alerting("PagerDuty")],
    rollbar: [alerting("Rollbar")],
    "@bugsnag/js": [alerting("Bugsnag")],
    "@honeybadger-io/js": [alerting("Honeybadger")],
    "aws-cdk-lib": [iac("AWS CDK"), cloud("AWS")],
    "aws-cdk": [iac("AWS CDK"), cloud("AWS")],
    "@pulumi/aws": [iac("Pulumi"), cloud("AWS")],
    "@pulumi/awsx": [iac("Pulumi"), cloud("AWS")],
    "@pulumi/gcp": [iac("Pulumi"), cloud("Google Cloud")],
    "@pulumi/azure-native": [iac("Pulumi"), cloud("Azure")],
    "@pulumi/cloudflare": [iac("Pulumi"), cloud("Cloudflare")],
    "@pulumi/digitalocean": [iac("Pulumi"), cloud("DigitalOcean")],
    "@cdktf/provider-aws": [iac("CDK for Terraform"), cloud("AWS")],
  },
  prefixes: [
    ["@angular/", [frontend("Angular")]],
    ["@sentry/", [sentryMonitoring, sentry]],
    ["@opentelemetry/", [openTelemetry]],
    ["@bugsnag/", [alerting("Bugsnag")]],
  ],
};

const python: EcosystemCatalog = {
  exact: {
    django: [backend("Django")],
    flask: [backend("Flask")],
    fastapi: [backend("FastAPI")],
    starlette: [backend("Starlette")],
    litestar: [backend("Litestar")],
    sanic: [backend("Sanic")],
    tornado: [backend("Tornado")],
    pyramid: [backend("Pyramid")],
    falcon: [backend("Falcon")],
    quart: [backend("Quart")],
    bottle: [backend("Bottle")],
    chalice: [backend("Chalice")],
    psycopg2: [postgres],
    "psycopg2-binary": [postgres],
    psycopg: [postgres],
    "psycopg-binary": [postgres],
    asyncpg: [postgres],
    pg8000: [postgres],
    mysqlclient: [mysql],
    pymysql: [mysql],
    "mysql-connector-python": [mysql],
    aiomysql: [mysql],
    asyncmy: [mysql],
    pymongo: [mongodb],
    motor: [mongodb],
    mongoengine: [mongodb],
    beanie: [mongodb],
    redis: [redis],
    aioredis: [redis],
    "django-redis": [redis],
    pynamodb: [dynamodb],
    "cassandra-driver": [database("Cassandra")],
    elasticsearch: [elasticsearch],
    "opensearch-py": [database("OpenSearch")],
    neo4j: [database("Neo4j")],
    "clickhouse-connect": [database("ClickHouse")],
    "google-cloud-firestore": [database("Firestore", "Google Cloud")],
    supabase: [database("PostgreSQL", "Supabase")],
    aiosqlite: [sqlite],
    celery: [jobs("Celery")],
    rq: [jobs("RQ"), redis],
    dramatiq: [jobs("Dramatiq")],
    huey: [jobs("Huey")],
    arq: [jobs("arq"), redis],
    temporalio: [jobs("Temporal")],
    ddtrace: [datadog],
    "datadog-api-client": [datadog],
    newrelic: [newRelic],
    "prometheus-client": [prometheus],
    "prometheus-fastapi-instrumentator": [prometheus],
    "django-prometheus": [prometheus],
    "elastic-apm": [monitoring("Elastic APM")],
    "scout-apm": [monitoring("Scout APM")],
    "aws-xray-sdk": [monitoring("AWS X-Ray")],
    structlog: [logging("structlog")],
    loguru: [logging("loguru")],
    "python-json-logger": [logging("python-json-logger")],
    "sentry-sdk": [sentryMonitoring, sentry],
    pdpyras: [alerting("PagerDuty")],
    rollbar: [alerting("Rollbar")],
    bugsnag: [alerting("Bugsnag")],
    honeybadger: [alerting("Honeybadger")],
    "pulumi-aws": [iac("Pulumi"), cloud("AWS")],
    "pulumi-gcp": [iac("Pulumi"), cloud("Google Cloud")],
    "pulumi-azure-native": [iac("Pulumi"), cloud("Azure")],
    "aws-cdk-lib": [iac("AWS CDK"), cloud("AWS")],
  },
  prefixes: [["opentelemetry-", [openTelemetry]]],
};

const go: EcosystemCatalog = {
  exact: {
    "github.com/gin-gonic/gin": [backend("Gin")],
    "github.com/labstack/echo": [backend("Echo")],
    "github.com/gofiber/fiber": [backend("Fiber")],
    "github.com/go-chi/chi": [backend("Chi")],
    "github.com/gorilla/mux": [backend("Gorilla Mux")],
    "github.com/beego/beego": [backend("Beego")],
    "github.com/gobuffalo/buffalo": [backend("Buffalo")],
    "connectrpc.com/connect": [backend("Connect")],
    "github.com/lib/pq": [postgres],
    "github.com/jackc/pgx": [postgres],
    "gorm.io/driver/postgres": [postgres],
    "github.com/go-sql-driver/mysql": [mysql],
    "gorm.io/driver/mysql": [mysql],
    "go.mongodb.org/mongo-driver": [mongodb],
    "github.com/redis/go-redis": [redis],
    "github.com/go-redis/redis": [redis],
    "gorm.io/driver/sqlite": [sqlite],
    "github.com/mattn/go-sqlite3": [sqlite],
    "modernc.org/sqlite": [sqlite],
    "github.com/aws/aws-sdk-go-v2/service/dynamodb": [dynamodb],
    "github.com/gocql/gocql": [database("Cassandra")],
    "github.com/elastic/go-elasticsearch": [elasticsearch],
    "gorm.io/driver/sqlserver": [sqlServer],
    "github.com/microsoft/go-mssqldb": [sqlServer],
    "github.com/denisenkom/go-mssqldb": [sqlServer],
    "github.com/ClickHouse/clickhouse-go": [database("ClickHouse")],
    "github.com/hibiken/asynq": [jobs("Asynq"), redis],
    "github.com/riverqueue/river": [jobs("River")],
    "go.temporal.io/sdk": [jobs("Temporal")],
    "gopkg.in/DataDog/dd-trace-go.v1": [datadog],
    "github.com/DataDog/dd-trace-go": [datadog],
    "github.com/newrelic/go-agent": [newRelic],
    "github.com/prometheus/client_golang": [prometheus],
    "github.com/sirupsen/logrus": [logging("logrus")],
    "go.uber.org/zap": [logging("zap")],
    "github.com/rs/zerolog": [logging("zerolog")],
    "github.com/getsentry/sentry-go": [sentryMonitoring, sentry],
    "github.com/PagerDuty/go-pagerduty": [alerting("PagerDuty")],
    "github.com/pulumi/pulumi-aws/sdk": [iac("Pulumi"), cloud("AWS")],
    "github.com/pulumi/pulumi-gcp/sdk": [iac("Pulumi"), cloud("Google Cloud")],
    "github.com/aws/aws-cdk-go/awscdk": [iac("AWS CDK"), cloud("AWS")],
  },
  prefixes: [
    ["go.opentelemetry.io/otel", [openTelemetry]],
    ["github.com/DataDog/dd-trace-go", [datadog]],
  ],
};

const ruby: EcosystemCatalog = {
  exact: {
    rails: [backend("Ruby on Rails")],
    railties: [backend("Ruby on Rails")],
    sinatra: [backend("Sinatra")],
    hanami: [backend("Hanami")],
    grape: [backend("Grape")],
    roda: [backend("Roda")],
    "turbo-rails": [frontend("Hotwire")],
    "stimulus-rails": [frontend("Hotwire")],
    pg: [postgres],
    mysql2: [mysql],
    trilogy: [mysql],
    sqlite3: [sqlite],
    mongoid: [mongodb],
    redis: [redis],
    "activerecord-sqlserver-adapter": [sqlServer],
    "elasticsearch-model": [elasticsearch],
    searchkick: [elasticsearch],
    // Sidekiq keeps its queues in Redis: the gem alone says the Redis is there.
    sidekiq: [jobs("Sidekiq"), redis],
    resque: [jobs("Resque"), redis],
    good_job: [jobs("GoodJob")],
    solid_queue: [jobs("Solid Queue")],
    delayed_job: [jobs("Delayed Job")],
    ddtrace: [datadog],
    datadog: [datadog],
    newrelic_rpm: [newRelic],
    prometheus_exporter: [prometheus],
    "prometheus-client": [prometheus],
    skylight: [monitoring("Skylight")],
    scout_apm: [monitoring("Scout APM")],
    appsignal: [monitoring("AppSignal")],
    "elastic-apm": [monitoring("Elastic APM")],
    lograge: [logging("lograge")],
    semantic_logger: [logging("Semantic Logger")],
    rails_semantic_logger: [logging("Semantic Logger")],
    "sentry-ruby": [sentryMonitoring, sentry],
    "sentry-rails": [sentryMonitoring, sentry],
    "sentry-raven": [sentryMonitoring, sentry],
    rollbar: [alerting("Rollbar")],
    bugsnag: [alerting("Bugsnag")],
    honeybadger: [alerting("Honeybadger")],
  },
  prefixes: [["opentelemetry-", [openTelemetry]]],
};

const jvm: EcosystemCatalog = {
  exact: {
    "org.springframework.boot:spring-boot-starter-parent": [backend("Spring Boot")],
    "org.springframework.boot": [backend("Spring Boot")],
    "org.springframework.boot:spring-boot-maven-plugin": [backend("Spring Boot")],
    "io.ktor.plugin": [backend("Ktor")],
    "io.quarkus": [backend("Quarkus")],
    "io.micronaut.application": [backend("Micronaut")],
    "org.postgresql:postgresql": [postgres],
    "org.postgresql:r2dbc-postgresql": [postgres],
    "com.mysql:mysql-connector-j": [mysql],
    "mysql:mysql-connector-java": [mysql],
    "io.asyncer:r2dbc-mysql": [mysql],
    "org.mariadb.jdbc:mariadb-java-client": [database("MariaDB")],
    "org.springframework.boot:spring-boot-starter-data-mongodb": [mongodb],
    "org.springframework.boot:spring-boot-starter-data-mongodb-reactive": [mongodb],
    "org.mongodb:mongodb-driver-sync": [mongodb],
    "org.mongodb:mongodb-driver-kotlin-coroutine": [mongodb],
    "org.springframework.boot:spring-boot-starter-data-redis": [redis],
    "redis.clients:jedis": [redis],
    "io.lettuce:lettuce-core": [redis],
    "com.microsoft.sqlserver:mssql-jdbc": [sqlServer],
    "org.xerial:sqlite-jdbc": [sqlite],
    "software.amazon.awssdk:dynamodb": [dynamodb],
    "software.amazon.awssdk:dynamodb-enhanced": [dynamodb],
    "org.springframework.boot:spring-boot-starter-data-cassandra": [database("Cassandra")],
    "com.datastax.oss:java-driver-core": [database("Cassandra")],
    "org.springframework.boot:spring-boot-starter-data-elasticsearch": [elasticsearch],
    "org.neo4j.driver:neo4j-java-driver": [database("Neo4j")],
    "org.springframework.boot:spring-boot-starter-data-neo4j": [database("Neo4j")],
    "com.oracle.database.jdbc:ojdbc11": [database("Oracle Database")],
    "com.oracle.database.jdbc:ojdbc8": [database("Oracle Database")],
    "io.micrometer:micrometer-registry-prometheus": [prometheus],
    "io.micrometer:micrometer-registry-datadog": [datadog],
    "io.micrometer:micrometer-registry-new-relic": [newRelic],
    "com.newrelic.agent.java:newrelic-agent": [newRelic],
    "com.datadoghq:dd-java-agent": [datadog],
    "co.elastic.apm:apm-agent-attach": [monitoring("Elastic APM")],
    "ch.qos.logback:logback-classic": [logging("Logback")],
    "net.logstash.logback:logstash-logback-encoder": [logging("Logback")],
    "org.apache.logging.log4j:log4j-core": [logging("Log4j 2")],
    "org.springframework.boot:spring-boot-starter-log4j2": [logging("Log4j 2")],
    "io.github.oshai:kotlin-logging-jvm": [logging("kotlin-logging")],
    "io.sentry:sentry-spring-boot-starter-jakarta": [sentryMonitoring, sentry],
    "org.springframework.boot:spring-boot-starter-quartz": [jobs("Quartz")],
    "org.quartz-scheduler:quartz": [jobs("Quartz")],
    "org.jobrunr:jobrunr-spring-boot-3-starter": [jobs("JobRunr")],
    "software.amazon.awscdk:aws-cdk-lib": [iac("AWS CDK"), cloud("AWS")],
  },
  prefixes: [
    ["org.springframework.boot:spring-boot-starter", [backend("Spring Boot")]],
    ["io.ktor:ktor-server", [backend("Ktor")]],
    ["io.quarkus:", [backend("Quarkus")]],
    ["io.micronaut:", [backend("Micronaut")]],
    ["io.dropwizard:", [backend("Dropwizard")]],
    ["io.vertx:vertx-web", [backend("Vert.x")]],
    ["io.javalin:", [backend("Javalin")]],
    ["io.opentelemetry", [openTelemetry]],
    ["io.sentry:", [sentryMonitoring, sentry]],
  ],
};

const rust: EcosystemCatalog = {
  exact: {
    axum: [backend("Axum")],
    "actix-web": [backend("Actix Web")],
    rocket: [backend("Rocket")],
    warp: [backend("Warp")],
    poem: [backend("Poem")],
    tide: [backend("Tide")],
    "loco-rs": [backend("Loco")],
    leptos: [frontend("Leptos")],
    yew: [frontend("Yew")],
    dioxus: [frontend("Dioxus")],
    "tokio-postgres": [postgres],
    postgres: [postgres],
    "deadpool-postgres": [postgres],
    mysql_async: [mysql],
    mongodb: [mongodb],
    redis: [redis],
    "deadpool-redis": [redis],
    fred: [redis],
    rusqlite: [sqlite],
    "aws-sdk-dynamodb": [dynamodb],
    scylla: [database("ScyllaDB")],
    elasticsearch: [elasticsearch],
    prometheus: [prometheus],
    "metrics-exporter-prometheus": [prometheus],
    opentelemetry: [openTelemetry],
    tracing: [logging("tracing")],
    env_logger: [logging("env_logger")],
    log4rs: [logging("log4rs")],
    slog: [logging("slog")],
    sentry: [sentryMonitoring, sentry],
    apalis: [jobs("Apalis")],
  },
  prefixes: [
    ["opentelemetry-", [openTelemetry]],
    ["sentry-", [sentryMonitoring, sentry]],
  ],
};

const dotnet: EcosystemCatalog = {
  exact: {
    "microsoft.net.sdk.web": [backend("ASP.NET Core")],
    "microsoft.aspnetcore.app": [backend("ASP.NET Core")],
    "microsoft.aspnetcore.components.webassembly": [frontend("Blazor")],
    "microsoft.aspnetcore.components.web": [frontend("Blazor")],
    npgsql: [postgres],
    "npgsql.entityframeworkcore.postgresql": [postgres],
    "microsoft.entityframeworkcore.sqlserver": [sqlServer],
    "microsoft.data.sqlclient": [sqlServer],
    "system.data.sqlclient": [sqlServer],
    "pomelo.entityframeworkcore.mysql": [mysql],
    mysqlconnector: [mysql],
    "mysql.data": [mysql],
    "mongodb.driver": [mongodb],
    "stackexchange.redis": [redis],
    "microsoft.extensions.caching.stackexchangeredis": [redis],
    "microsoft.entityframeworkcore.sqlite": [sqlite],
    "microsoft.data.sqlite": [sqlite],
    "microsoft.azure.cosmos": [database("Cosmos DB", "Azure")],
    "microsoft.entityframeworkcore.cosmos": [database("Cosmos DB", "Azure")],
    "awssdk.dynamodbv2": [dynamodb],
    hangfire: [jobs("Hangfire")],
    "hangfire.core": [jobs("Hangfire")],
    "hangfire.aspnetcore": [jobs("Hangfire")],
    quartz: [jobs("Quartz.NET")],
    "datadog.trace": [datadog],
    "newrelic.agent.api": [newRelic],
    "prometheus-net": [prometheus],
    "prometheus-net.aspnetcore": [prometheus],
    "microsoft.applicationinsights.aspnetcore": [monitoring("Azure Application Insights")],
    "azure.monitor.opentelemetry.aspnetcore": [monitoring("Azure Monitor")],
    nlog: [logging("NLog")],
    "nlog.web.aspnetcore": [logging("NLog")],
  },
  prefixes: [
    ["microsoft.aspnetcore.", [backend("ASP.NET Core")]],
    ["serilog", [logging("Serilog")]],
    ["opentelemetry", [openTelemetry]],
    ["sentry", [sentryMonitoring, sentry]],
  ],
};

const php: EcosystemCatalog = {
  exact: {
    "laravel/framework": [backend("Laravel")],
    "laravel/lumen-framework": [backend("Lumen")],
    "symfony/framework-bundle": [backend("Symfony")],
    "symfony/symfony": [backend("Symfony")],
    "slim/slim": [backend("Slim")],
    "cakephp/cakephp": [backend("CakePHP")],
    "yiisoft/yii2": [backend("Yii")],
    "laminas/laminas-mvc": [backend("Laminas")],
    "livewire/livewire": [frontend("Livewire")],
    "ext-pdo_pgsql": [postgres],
    "ext-pgsql": [postgres],
    "ext-pdo_mysql": [mysql],
    "ext-mysqli": [mysql],
    "ext-mongodb": [mongodb],
    "mongodb/mongodb": [mongodb],
    "mongodb/laravel-mongodb": [mongodb],
    "predis/predis": [redis],
    "ext-redis": [redis],
    "elasticsearch/elasticsearch": [elasticsearch],
    "laravel/horizon": [jobs("Laravel Horizon"), redis],
    "monolog/monolog": [logging("Monolog")],
    "datadog/dd-trace": [datadog],
    "promphp/prometheus_client_php": [prometheus],
    "sentry/sentry-laravel": [sentryMonitoring, sentry],
    "sentry/sentry-symfony": [sentryMonitoring, sentry],
    "sentry/sentry": [sentryMonitoring, sentry],
    "bugsnag/bugsnag-laravel": [alerting("Bugsnag")],
  },
  prefixes: [["open-telemetry/", [openTelemetry]]],
};

const elixir: EcosystemCatalog = {
  exact: {
    phoenix: [backend("Phoenix")],
    phoenix_live_view: [frontend("Phoenix LiveView")],
    plug_cowboy: [backend("Plug")],
    postgrex: [postgres],
    myxql: [mysql],
    ecto_sqlite3: [sqlite],
    mongodb_driver: [mongodb],
    redix: [redis],
    oban: [jobs("Oban")],
    prom_ex: [prometheus],
    telemetry_metrics_prometheus: [prometheus],
    spandex_datadog: [datadog],
    new_relic_agent: [newRelic],
    appsignal: [monitoring("AppSignal")],
    logger_json: [logging("LoggerJSON")],
    sentry: [sentryMonitoring, sentry],
    honeybadger: [alerting("Honeybadger")],
  },
  prefixes: [["opentelemetry", [openTelemetry]]],
};

const catalogs: Record<Ecosystem, EcosystemCatalog> = { node, python, go, ruby, jvm, rust, dotnet, php, elixir };

/** Cloud SDK packages, by name prefix across ecosystems (`@aws-sdk/client-s3`, `boto3`, `google-cloud-storage`). */
const cloudSdks: [RegExp, string][] = [
  [
    /^(@aws-sdk\/|aws-sdk$|boto3$|botocore$|aioboto3$|github\.com\/aws\/aws-sdk-go|software\.amazon\.awssdk:|com\.amazonaws:aws-java-sdk|aws-sdk-|awssdk\.)/i,
    "AWS",
  ],
  [/^(@google-cloud\/|google-cloud-|cloud\.google\.com\/go|com\.google\.cloud:|google\.cloud\.)/i, "Google Cloud"],
  [/^(@azure\/|azure-(?!pipelines)|github\.com\/azure\/azure-sdk-for-go|com\.azure:|azure\.)/i, "Azure"],
];

/** What a dependency of an ecosystem says, by exact name first, then by family prefix; plus the cloud of an SDK. */
export function technologiesOf(ecosystem: Ecosystem, name: string): Technology[] {
  const catalog = catalogs[ecosystem];
  const sdk = cloudSdks.find(([pattern]) => pattern.test(name))?.[1];
  const hint: Technology[] = sdk ? [{ topic: "cloud.sdk", value: sdk }] : [];
  const exact = catalog.exact[name];
  if (exact) return [...exact, ...hint];
  for (const [prefix, technologies] of catalog.prefixes) if (name.startsWith(prefix)) return [...technologies, ...hint];
  return hint;
}

/**
 * Databases named by an extra or feature: `sqlalchemy[asyncpg]`, sqlx's `postgres`,
 * `celery[redis]`, diesel's `mysql`.
 */
export function databaseOfFeature(feature: string): string | undefined {
  const name = feature.toLowerCase();
  if (/postgres|asyncpg|psycopg|pgsql/.test(name)) return "PostgreSQL";
  if (/mysql|mariadb/.test(name)) return "MySQL";
  if (/sqlite/.test(name)) return "SQLite";
  if (/mssql|sqlserver/.test(name)) return "SQL Server";
  if (/^mongo/.test(name)) return "MongoDB";
  if (name === "redis") return "Redis";
  return undefined;
}

/**
 * npm packages that only run on a server: with one of them a package.json is backend code even
 * without a web framework (a Next.js app with Prisma, a queue worker).
 */
export const nodeServerPackages = new Set([
  "prisma",
  "@prisma/client",
  "typeorm",
  "sequelize",
  "drizzle-orm",
  "knex",
  "kysely",
  "objection",
  "@mikro-orm/core",
  "@trpc/server",
  "graphql-yoga",
  "socket.io",
  "ws",
  "bcrypt",
  "bcryptjs",
  "argon2",
  "jsonwebtoken",
  "nodemailer",
  "stripe",
  "firebase-admin",
  "next-auth",
  "passport",
  "helmet",
  "cors",
]);
