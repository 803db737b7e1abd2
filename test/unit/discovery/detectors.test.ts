import { describe, expect, it } from "@jest/globals";
import { discoverStack } from "../../../src/discovery/discover.js";
import { hclBlocks, hclJsonBlocks } from "../../../src/discovery/detectors/hcl.js";
import { moduleKey } from "../../../src/discovery/detectors/terraform.js";
import { imageName } from "../../../src/discovery/detectors/containers.js";
import { filesByDirectory } from "../../../src/discovery/files-by-directory.js";
import { discover } from "./fixtures/discover.js";
import { stallingFiles } from "./fixtures/stalling-files.js";

const stackOf = (files: Record<string, string>) => discover(files).techStack.stack;
const evidenceOf = (files: Record<string, string>, field: string) =>
  discover(files).evidence.filter((item) => item.field === field);

describe("Terraform", () => {
  it("reads top-level blocks past heredocs, comments and braces or comment marks inside strings", () => {
    const blocks = hclBlocks(`# provider "google" {}
/* resource "aws_instance" "old" {
} */
resource "aws_iam_policy" "p" {
  policy = <<-EOT
    { "Statement": [{ "Effect": "Allow" }
  EOT
}
resource "cloudflare_worker_route" "r" {
  pattern = "example.com/*" # a glob, not a comment
  script  = "\${var.name}"
}
module "db" {
  source = "terraform-aws-modules/rds/aws"
  engine = "postgres" // inline comment
}
`);
    expect(blocks.map((block) => `${block.kind} ${block.type} ${block.name}`)).toEqual([
      "resource aws_iam_policy p",
      "resource cloudflare_worker_route r",
      "module db db",
    ]);
  });

  it("reads .tf.json in the same terms", () => {
    const blocks = hclJsonBlocks(
      JSON.stringify({
        terraform: { required_providers: { azurerm: { source: "hashicorp/azurerm" } } },
        resource: { azurerm_postgresql_flexible_server: { main: { sku_name: "GP_Standard_D2s_v3" } } },
      }),
    );
    expect(blocks.map((block) => `${block.kind} ${block.type}`)).toEqual([
      "resource azurerm_postgresql_flexible_server",
      "terraform terraform",
    ]);
    expect(
      stackOf({
        "infra/main.tf.json": JSON.stringify({ resource: { azurerm_postgresql_flexible_server: { main: {} } } }),
      }).database,
    ).toEqual({
      primary: "PostgreSQL",
      provider: "Azure Database for PostgreSQL",
      notes: "",
    });
  });

  it.each([
    ["terraform-aws-modules/eks/aws", "aws:eks"],
    ["terraform-aws-modules/rds-aurora/aws//modules/x", "aws:rds-aurora"],
    ["app.terraform.io/acme/vpc/aws", "aws:vpc"],
    ["git::https://github.com/terraform-aws-modules/terraform-aws-eks.git?ref=v20.0.0", "aws:eks"],
    ["./modules/db", undefined],
  ])("module source %s is %s", (source, key) => {
    expect(moduleKey(source)).toBe(key);
  });

  it("names the database, its engine and who runs it: Aurora, Cloud SQL, Atlas", () => {
    const aurora = stackOf({
      "infra/db.tf": `resource "aws_rds_cluster" "main" {\n  engine = "aurora-postgresql"\n}\n`,
    });
    expect(aurora.database).toMatchObject({ primary: "PostgreSQL", provider: "Amazon Aurora" });
    const atlas = stackOf({
      "infra/atlas.tf": `terraform {\n  required_providers {\n    mongodbatlas = { source = "mongodb/mongodbatlas" }\n  }\n}\nresource "mongodbatlas_advanced_cluster" "main" {\n  name = "prod"\n}\n`,
    });
    expect(atlas.database).toMatchObject({ primary: "MongoDB", provider: "MongoDB Atlas" });
    expect(atlas.infrastructure?.cloudProvider).toBe("");
  });

  it("an S3 website bucket behind CloudFront is the frontend's hosting", () => {
    const stack = stackOf({
      "package.json": JSON.stringify({ dependencies: { vue: "^3.4.0" } }),
      "infra/site.tf": `resource "aws_s3_bucket" "site" {}\nresource "aws_s3_bucket_website_configuration" "site" {}\nresource "aws_cloudfront_distribution" "cdn" {}\n`,
    });
    expect(stack.frontend).toMatchObject({ framework: "Vue", hosting: "AWS S3 + CloudFront" });
    expect(stack.infrastructure?.keyServices).toEqual(["S3", "CloudFront"]);
  });
});

describe("containers and Kubernetes", () => {
  it.each([
    ["postgres:16-alpine", "postgres"],
    ["docker.io/library/redis:7@sha256:abc", "redis"],
    ["bitnami/postgresql:16", "postgresql"],
    ["mcr.microsoft.com/mssql/server:2022-latest", "mssql/server"],
    ["localhost:5000/team/api:dev", "team/api"],
  ])("image %s is %s", (reference, name) => {
    expect(imageName(reference)).toBe(name);
  });

  it("Flux and Kustomize: Kubernetes delivered by GitOps", () => {
    const stack = stackOf({
      "clusters/prod/flux-system/gotk-sync.yaml": "apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\n",
      "clusters/prod/apps.yaml": "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\n",
      "apps/api/kustomization.yaml": "resources: [deployment.yaml]\n",
      ".gitlab-ci.yml": "build:\n  script: [docker build .]\n",
    });
    expect(stack.backend?.hosting).toBe("Kubernetes");
    expect(stack.cicd?.pipeline).toBe("GitLab CI, Flux (GitOps)");
  });

  it("a Dockerfile alone runs the backend in containers, and where they run is asked", () => {
    const discovery = discover({
      Dockerfile: "FROM node:20\n",
      "package.json": JSON.stringify({ dependencies: { koa: "^2" } }),
      "server.js": "",
    });
    expect(discovery.techStack.stack.backend).toMatchObject({
      language: "JavaScript (Node.js)",
      framework: "Koa",
      hosting: "Docker containers",
    });
    expect(discovery.questions).toContain("Backend hosting: where do the containers run?");
  });

  it("a Compose file past the YAML limits is read line by line", () => {
    const padding = "# " + "x".repeat(70_000) + "\n";
    const stack = stackOf({ "docker-compose.yml": `${padding}services:\n  db:\n    image: "mongo:7"\n` });
    expect(stack.database?.primary).toBe("MongoDB");
  });
});

describe("hosting platforms", () => {
  it("firebase.json: Hosting, Functions and Firestore", () => {
    const stack = stackOf({
      "firebase.json": JSON.stringify({
        hosting: { public: "dist" },
        functions: { source: "functions" },
        firestore: { rules: "firestore.rules" },
      }),
    });
    expect(stack.frontend?.hosting).toBe("Firebase Hosting");
    expect(stack.backend?.hosting).toBe("Cloud Functions for Firebase");
    expect(stack.database).toMatchObject({ primary: "Firestore", provider: "Firebase" });
    expect(stack.infrastructure?.cloudProvider).toBe("Google Cloud (Firebase)");
  });

  it("an Expo app.json is not Heroku's", () => {
    expect(stackOf({ "app.json": JSON.stringify({ expo: { name: "app" } }) }).backend?.hosting).toBe("");
  });

  it("render.yaml: web services, static sites and Render Postgres", () => {
    const stack = stackOf({
      "render.yaml": `services:\n  - type: web\n    name: api\n    runtime: python\n  - type: web\n    name: site\n    runtime: static\ndatabases:\n  - name: main\n`,
    });
    expect(stack.backend?.hosting).toBe("Render");
    expect(stack.frontend?.hosting).toBe("Render");
    expect(stack.database).toMatchObject({ primary: "PostgreSQL", provider: "Render Postgres" });
  });

  it("App Engine's app.yaml, and a Knative service on Cloud Run", () => {
    expect(stackOf({ "app.yaml": "runtime: python312\nentrypoint: gunicorn main:app\n" }).backend?.hosting).toBe(
      "Google App Engine",
    );
    const cloudRun = stackOf({
      "service.yaml": `apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  annotations:\n    run.googleapis.com/ingress: all\nspec:\n  template:\n    spec:\n      containers:\n        - image: europe-docker.pkg.dev/acme/api/api\n`,
    });
    expect(cloudRun.backend?.hosting).toBe("Google Cloud Run");
    expect(cloudRun.infrastructure).toMatchObject({ cloudProvider: "Google Cloud", keyServices: ["Cloud Run"] });
  });

  it("GitHub Pages from a workflow", () => {
    const evidence = evidenceOf(
      {
        "package.json": JSON.stringify({ devDependencies: { astro: "^4.10.0" } }),
        ".github/workflows/pages.yml":
          "jobs:\n  deploy:\n    steps:\n      - uses: withastro/action@v2\n      - uses: actions/deploy-pages@v4\n",
      },
      "stack.frontend.hosting",
    );
    expect(evidence).toEqual([
      {
        field: "stack.frontend.hosting",
        value: "GitHub Pages",
        source: ".github/workflows/pages.yml",
        reason: '"actions/deploy-pages" in pages.yml',
      },
    ]);
  });
});

describe("configuration that names the database", () => {
  it("a DATABASE_URL in an example env file names the database and its provider; .env itself is never read", () => {
    const files = {
      ".env.example":
        "DATABASE_URL=postgresql://user:pass@ep-cool-1234.eu-central-1.aws.neon.tech/app?sslmode=require\n",
      ".env": "DATABASE_URL=mysql://root:secret@localhost/app\n",
    };
    expect(stackOf(files).database).toMatchObject({ primary: "PostgreSQL", provider: "Neon" });
  });

  it("Drizzle's dialect and a Spring JDBC URL", () => {
    expect(
      stackOf({ "drizzle.config.ts": `export default { dialect: "mysql", schema: "./src/schema.ts" };\n` }).database
        ?.primary,
    ).toBe("MySQL");
    expect(
      stackOf({ "src/main/resources/application.properties": "spring.datasource.url=jdbc:postgresql://db:5432/app\n" })
        .database?.primary,
    ).toBe("PostgreSQL");
  });

  it("SQLite counts as the primary database only when nothing else is there", () => {
    const stack = stackOf({
      "requirements.txt": "flask\naiosqlite\npsycopg[binary]\n",
      "app.py": "",
    });
    expect(stack.database).toMatchObject({ primary: "PostgreSQL", notes: "Also in use: SQLite." });
  });
});

describe("frameworks and languages", () => {
  it("a package.json with only frontend dependencies is not backend code", () => {
    const stack = stackOf({
      "package.json": JSON.stringify({
        dependencies: { react: "^18", "react-dom": "^18" },
        devDependencies: { vite: "^5", typescript: "^5" },
      }),
      "src/main.tsx": "",
      "src/App.tsx": "",
    });
    expect(stack.frontend?.framework).toBe("React");
    expect(stack.backend).toMatchObject({ language: "", framework: "" });
  });

  it("lists every backend language by weight, and a manifest without code beside it names none", () => {
    const files: Record<string, string> = {
      "api/go.mod": "module api\nrequire github.com/go-chi/chi/v5 v5.0.12\n",
      "ml/pyproject.toml": `[project]\nname = "ml"\ndependencies = ["fastapi"]\n`,
      "scripts/requirements.txt": "pre-commit\n",
      "billing/Gemfile": `gem "sinatra"\n`,
      "billing/app.rb": "",
    };
    for (let i = 0; i < 5; i++) files[`api/internal/file${i}.go`] = "";
    for (let i = 0; i < 3; i++) files[`ml/service/file${i}.py`] = "";
    const stack = stackOf(files);
    expect(stack.backend?.language).toBe("Go, Python, Ruby");
    expect(stack.backend?.framework).toBe("Chi, FastAPI, Sinatra");
  });

  it("Kotlin with Ktor through a version catalog", () => {
    const stack = stackOf({
      "build.gradle.kts": `plugins { kotlin("jvm") version "2.0.0"; alias(libs.plugins.ktor) }\ndependencies { implementation(libs.ktor.server.core) }\n`,
      "gradle/libs.versions.toml": `[libraries]\nktor-server-core = { module = "io.ktor:ktor-server-core" }\n[plugins]\nktor = { id = "io.ktor.plugin" }\n`,
      "src/main/kotlin/Application.kt": "",
    });
    expect(stack.backend).toMatchObject({ language: "Kotlin", framework: "Ktor" });
  });
});

describe("cloud templates", () => {
  it("a SAM template (JSON or YAML) is AWS Lambda with its services", () => {
    const stack = stackOf({
      "template.yaml": `AWSTemplateFormatVersion: "2010-09-09"\nTransform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: app.handler\n  Orders:\n    Type: AWS::Serverless::SimpleTable\n  Bus:\n    Type: AWS::Events::EventBus\n`,
    });
    expect(stack.backend?.hosting).toBe("AWS Lambda");
    expect(stack.database).toMatchObject({ primary: "DynamoDB", provider: "AWS" });
    expect(stack.infrastructure).toEqual({
      cloudProvider: "AWS",
      keyServices: ["DynamoDB", "EventBridge", "Lambda"],
      notes: "Infrastructure as code: AWS SAM.",
    });
  });

  it("a template.yaml that is no CloudFormation template says nothing", () => {
    expect(stackOf({ "template.yaml": "name: issue template\nbody: []\n" }).infrastructure?.cloudProvider).toBe("");
  });

  it("Pulumi and CDK: the cloud from their packages", () => {
    const pulumi = stackOf({
      "Pulumi.yaml": "name: infra\nruntime: nodejs\n",
      "infra/package.json": JSON.stringify({ dependencies: { "@pulumi/pulumi": "^3", "@pulumi/gcp": "^7" } }),
    });
    expect(pulumi.infrastructure).toMatchObject({
      cloudProvider: "Google Cloud",
      notes: "Infrastructure as code: Pulumi.",
    });
    const cdk = stackOf({
      "cdk.json": "{}",
      "package.json": JSON.stringify({ dependencies: { "aws-cdk-lib": "^2" } }),
    });
    expect(cdk.infrastructure).toMatchObject({ cloudProvider: "AWS", notes: "Infrastructure as code: AWS CDK." });
  });
});

describe("derived hosting", () => {
  it("a Next.js app on Vercel with a Dockerfile: its server runs on Vercel, not in unnamed containers", () => {
    const discovery = discover({
      "package.json": JSON.stringify({ dependencies: { next: "14.2.4", react: "^18", mongoose: "^8" } }),
      "app/page.tsx": "",
      "vercel.json": "{}",
      Dockerfile: "FROM node:20\n",
    });
    expect(discovery.techStack.stack.backend).toMatchObject({ framework: "Next.js", hosting: "Vercel" });
    expect(discovery.questions).not.toContain("Backend hosting: where do the containers run?");
  });
});

describe("files written to stall a reader", () => {
  // Read to the end, each file counts for what its name says and nothing is made up from the
  // padding. How long it takes is measured by `npm run bench` (discovery bounds).
  it("are read through (long whitespace runs, unclosed comments and blocks)", () => {
    const { techStack } = discover(stallingFiles());
    expect(techStack.stack.infrastructure).toMatchObject({
      cloudProvider: "",
      notes: "Infrastructure as code: Bicep, Serverless Framework, Terraform.",
    });
    expect(techStack.stack.cicd?.pipeline).toBe("GitHub Actions");
    expect(techStack.stack.backend).toMatchObject({ language: "", framework: "" });
    expect(techStack.stack.database?.primary).toBe("");
  });
});

describe("credentials in configuration files", () => {
  it("never reach the evidence: a JDBC or MongoDB URL is quoted without its user and password", () => {
    const contents = new Map([
      [
        "src/main/resources/application.properties",
        "spring.datasource.url=jdbc:mysql://admin:Pr0dPassw0rd@prod-mysql.internal:3306/shop\n",
      ],
      [
        "src/main/resources/application.yml",
        "spring:\n  data:\n    mongodb:\n      uri: mongodb+srv://svc:s3cr3t@cluster0.example.net/app\n",
      ],
      [
        "pom.xml",
        "<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>",
      ],
    ]);
    const discovery = discoverStack({
      files: filesByDirectory([...contents.keys(), "src/main/java/shop/App.java"]),
      contents,
      now: new Date("2025-11-03T00:00:00Z"),
    });
    const text = JSON.stringify(discovery);
    expect(text).not.toContain("Pr0dPassw0rd");
    expect(text).not.toContain("s3cr3t");
    expect(text).toContain("jdbc:mysql://prod-mysql");
  });
});

describe("signals a reviewer found misleading on real layouts", () => {
  const now = new Date("2025-11-03T00:00:00Z");
  const run = (files: Record<string, string>) =>
    discoverStack({ files: filesByDirectory(Object.keys(files)), contents: new Map(Object.entries(files)), now })
      .techStack;

  it("a Go API's Docusaurus website is its documentation, not a React frontend", () => {
    const stack = run({
      "go.mod": "module example.com/api\n\ngo 1.23\n\nrequire github.com/gin-gonic/gin v1.10.0\n",
      "main.go": "package main\n",
      "website/package.json": JSON.stringify({ dependencies: { "@docusaurus/core": "3.6.0", react: "18.3.1" } }),
      "website/src/pages/index.js": "export default () => null;\n",
    });
    expect(stack.stack.frontend?.framework).toBe("");
    expect(stack.stack.backend?.framework).toBe("Gin");
  });

  it("a Procfile names Heroku only when nothing else says where the backend runs", () => {
    const rails = {
      Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 7.2'\ngem 'pg'\n",
      "app/models/user.rb": "class User; end\n",
      Procfile: "web: bundle exec puma\n",
    };
    expect(run(rails).stack.backend?.hosting).toBe("Heroku");
    const onEcs = run({
      ...rails,
      "infra/main.tf": 'provider "aws" {}\nresource "aws_ecs_service" "web" {}\nresource "aws_ecs_cluster" "main" {}\n',
    });
    expect(onEcs.stack.backend?.hosting).not.toContain("Heroku");
    expect(onEcs.stack.backend?.hosting).toContain("ECS");
  });

  it("a cloud's SDK names the cloud when no infrastructure code or platform does", () => {
    const stack = run({
      "requirements.txt": "fastapi==0.115.0\nboto3==1.35.0\n",
      "app/main.py": "import boto3\n",
    });
    expect(stack.stack.infrastructure?.cloudProvider).toBe("AWS");
  });
});
