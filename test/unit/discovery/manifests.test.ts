import { describe, expect, it } from "@jest/globals";
import { readCargo } from "../../../src/discovery/manifests/rust.js";
import { readDotnetProject } from "../../../src/discovery/manifests/dotnet.js";
import { readMix } from "../../../src/discovery/manifests/elixir.js";
import { goWorkModules, readGoMod } from "../../../src/discovery/manifests/go.js";
import { readGradle, readPom, readVersionCatalog } from "../../../src/discovery/manifests/jvm.js";
import type { Manifest } from "../../../src/discovery/manifests/manifest.js";
import { readPackageJson } from "../../../src/discovery/manifests/npm.js";
import { readPipfile, readPyproject, readRequirements, readSetupPy } from "../../../src/discovery/manifests/python.js";
import { readGemfile } from "../../../src/discovery/manifests/ruby.js";

/** "name" for runtime dependencies, "name (dev)" for the others, "name[features]" when it asks for some. */
const listed = (manifest: Manifest | undefined) =>
  manifest?.dependencies.map(
    (dep) => `${dep.name}${dep.features.length > 0 ? `[${dep.features.join(",")}]` : ""}${dep.dev ? " (dev)" : ""}`,
  );

describe("npm", () => {
  it("reads runtime, peer and dev dependencies and the workspaces", () => {
    const manifest = readPackageJson(
      "package.json",
      JSON.stringify({
        workspaces: { packages: ["apps/*"] },
        dependencies: { express: "^4" },
        peerDependencies: { react: "^18" },
        devDependencies: { typescript: "^5" },
        scripts: { start: "node dist/server.js" },
      }),
    );
    expect(listed(manifest)).toEqual(["express", "react", "typescript (dev)"]);
    expect(manifest).toMatchObject({ workspaces: ["apps/*"], scripts: { start: "node dist/server.js" } });
  });

  it("says nothing for a file that is not JSON", () => {
    expect(readPackageJson("package.json", "{ nope")).toBeUndefined();
  });
});

describe("Python", () => {
  it("requirements.txt: names normalised, extras kept, options and URLs skipped", () => {
    const manifest = readRequirements(
      "requirements.txt",
      "-r base.txt\n--index-url https://pypi.example/simple\nDjango[argon2]>=4.2 ; python_version >= '3.10'\npsycopg2_binary==2.9.9  # driver\ngit+https://github.com/x/y.git#egg=y\n",
    );
    expect(listed(manifest)).toEqual(["django[argon2]", "psycopg2-binary"]);
  });

  it.each([
    ["requirements-dev.txt", true],
    ["requirements_test.txt", true],
    ["requirements/local.txt", true],
    ["requirements/production.txt", false],
    ["requirements.txt", false],
    ["requirements-prod.txt", false],
  ])("%s holds dev dependencies: %s", (path, dev) => {
    expect(readRequirements(path, "flask\n").dependencies[0]!.dev).toBe(dev);
  });

  it("pyproject.toml: PEP 621, optional groups, PEP 735 groups, Poetry groups, uv", () => {
    const manifest = readPyproject(
      "pyproject.toml",
      `[project]
dependencies = ["fastapi>=0.110", "SQLAlchemy[asyncio,postgresql-asyncpg]>=2"]
[project.optional-dependencies]
redis = ["redis>=5"]
test = ["pytest"]
[dependency-groups]
lint = ["ruff"]
[tool.poetry.dependencies]
python = "^3.12"
celery = { version = "^5.4", extras = ["redis"] }
[tool.poetry.group.docs.dependencies]
mkdocs = "^1.6"
[tool.uv]
dev-dependencies = ["mypy"]
`,
    );
    expect(listed(manifest)).toEqual([
      "fastapi",
      "sqlalchemy[asyncio,postgresql-asyncpg]",
      "redis",
      "pytest (dev)",
      "ruff (dev)",
      "celery[redis]",
      "mkdocs (dev)",
      "mypy (dev)",
    ]);
  });

  it("Pipfile and setup.py", () => {
    expect(listed(readPipfile("Pipfile", `[packages]\nflask = "*"\n[dev-packages]\npytest = "*"\n`))).toEqual([
      "flask",
      "pytest (dev)",
    ]);
    expect(
      listed(
        readSetupPy(
          "setup.py",
          `setup(name="x", install_requires=["tornado>=6", 'motor'], extras_require={"test": ["pytest"]})`,
        ),
      ),
    ).toEqual(["tornado", "motor"]);
  });
});

describe("Go", () => {
  it("go.mod: direct requirements, major version suffixes dropped, indirect ones left out", () => {
    const manifest = readGoMod(
      "go.mod",
      `module x\n\nrequire github.com/lib/pq v1.10.9\n\nrequire (\n\tgithub.com/labstack/echo/v4 v4.12.0\n\tgolang.org/x/sys v0.21.0 // indirect\n)\n`,
    );
    expect(listed(manifest)).toEqual(["github.com/lib/pq", "github.com/labstack/echo"]);
  });

  it("go.work: the workspace's modules", () => {
    expect(goWorkModules("go 1.22\n\nuse (\n\t./api\n\t./worker // the queue\n)\nuse ./tools\n")).toEqual([
      "api",
      "worker",
      "tools",
    ]);
  });
});

describe("Ruby", () => {
  it("Gemfile: groups blocks and inline groups; other blocks followed to their end", () => {
    const manifest = readGemfile(
      "Gemfile",
      `source "https://rubygems.org"
gem "rails", "~> 7.1"
platforms :jruby do
  gem "activerecord-jdbcpostgresql-adapter"
end
group :development, :test do
  gem "rspec-rails"
  gem "sqlite3"
end
gem "pg"
gem "pry", group: :development
gem "sidekiq" # queues
`,
    );
    expect(listed(manifest)).toEqual([
      "rails",
      "activerecord-jdbcpostgresql-adapter",
      "rspec-rails (dev)",
      "sqlite3 (dev)",
      "pg",
      "pry (dev)",
      "sidekiq",
    ]);
  });
});

describe("JVM", () => {
  it("pom.xml: parent, dependencies (test scope dev), plugins; dependencyManagement and comments left out", () => {
    const manifest = readPom(
      "pom.xml",
      `<project>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>3.3.0</version>
  </parent>
  <modules><module>api</module><module>worker</module></modules>
  <dependencyManagement>
    <dependencies>
      <dependency><groupId>org.testcontainers</groupId><artifactId>testcontainers-bom</artifactId></dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>
    <!-- <dependency><groupId>com.mysql</groupId><artifactId>mysql-connector-j</artifactId></dependency> -->
    <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><scope>runtime</scope></dependency>
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><scope>test</scope></dependency>
  </dependencies>
  <build><plugins><plugin><artifactId>maven-surefire-plugin</artifactId></plugin></plugins></build>
</project>`,
    );
    expect(listed(manifest)).toEqual([
      "org.springframework.boot:spring-boot-starter-parent",
      "org.springframework.boot:spring-boot-starter-web",
      "org.postgresql:postgresql",
      "org.junit.jupiter:junit-jupiter (dev)",
      "org.apache.maven.plugins:maven-surefire-plugin",
    ]);
    expect(manifest).toMatchObject({ language: "Java", workspaces: ["api", "worker"] });
  });

  it("build.gradle: plugins and configurations; an Android app is mobile, not server code", () => {
    const groovy = readGradle(
      "build.gradle",
      `plugins {\n  id 'org.springframework.boot' version '3.3.0'\n  id 'java'\n}\ndependencies {\n  implementation 'org.springframework.boot:spring-boot-starter-webflux'\n  // implementation 'com.mysql:mysql-connector-j'\n  testImplementation 'io.projectreactor:reactor-test'\n}\n`,
    );
    expect(listed(groovy)).toEqual([
      "org.springframework.boot",
      "java",
      "org.springframework.boot:spring-boot-starter-webflux",
      "io.projectreactor:reactor-test (dev)",
    ]);
    expect(groovy.language).toBe("Java");
    const android = readGradle(
      "app/build.gradle.kts",
      `plugins { id("com.android.application"); kotlin("android") }\n`,
    );
    expect(android).toMatchObject({ role: "mobile", language: "Kotlin" });
  });

  it("the version catalog's libraries and plugins", () => {
    const manifest = readVersionCatalog(
      "gradle/libs.versions.toml",
      `[versions]\nktor = "2.3.11"\n[libraries]\nktor-server-core = { module = "io.ktor:ktor-server-core", version.ref = "ktor" }\nexposed = { group = "org.jetbrains.exposed", name = "exposed-core", version = "0.51.1" }\nlogback = "ch.qos.logback:logback-classic:1.5.6"\n[plugins]\nktor = { id = "io.ktor.plugin", version.ref = "ktor" }\n`,
    );
    expect(listed(manifest)).toEqual([
      "io.ktor:ktor-server-core",
      "org.jetbrains.exposed:exposed-core",
      "ch.qos.logback:logback-classic",
      "io.ktor.plugin",
    ]);
  });
});

describe("Rust, .NET, Elixir", () => {
  it("Cargo.toml: features, renamed packages, target-specific and dev dependencies", () => {
    const manifest = readCargo(
      "Cargo.toml",
      `[package]\nname = "x"\n[dependencies]\nsqlx = { version = "0.7", features = ["postgres", "runtime-tokio"] }\npg = { package = "tokio-postgres", version = "0.7" }\n[dev-dependencies]\ninsta = "1"\n[target.'cfg(unix)'.dependencies]\nnix = "0.29"\n`,
    );
    expect(listed(manifest)).toEqual(["sqlx[postgres,runtime-tokio]", "tokio-postgres", "insta (dev)", "nix"]);
  });

  it(".csproj: SDK, package and framework references; a test project is a test project", () => {
    const api = readDotnetProject(
      "src/Api/Api.csproj",
      `<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="8.0.4" /><FrameworkReference Include="Microsoft.AspNetCore.App" /></ItemGroup></Project>`,
    );
    expect(listed(api)).toEqual([
      "microsoft.net.sdk.web",
      "npgsql.entityframeworkcore.postgresql",
      "microsoft.aspnetcore.app",
    ]);
    expect(api).toMatchObject({ role: "application", language: "C# (.NET)" });
    const tests = readDotnetProject(
      "src/Api.Specs/Api.Specs.fsproj",
      `<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.10.0" /></ItemGroup></Project>`,
    );
    expect(tests).toMatchObject({ role: "test", language: "F# (.NET)" });
  });

  it("mix.exs: dependencies limited to dev or test are dev", () => {
    const manifest = readMix(
      "mix.exs",
      `defp deps do\n  [\n    {:phoenix, "~> 1.7"},\n    {:ex_machina, "~> 2.7", only: :test},\n    {:credo, "~> 1.7", only: [:dev, :test], runtime: false},\n    {:telemetry, "~> 1.2", only: [:dev, :prod]}\n  ]\nend\n`,
    );
    expect(listed(manifest)).toEqual(["phoenix", "ex_machina (dev)", "credo (dev)", "telemetry"]);
  });
});
