import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { techStackSchema } from "../../src/schemas/tech-stack.js";
import { runCli, tempRepo } from "../support/cli.js";

const now = new Date("2025-11-03T09:30:00Z");

/** A Django shop as people keep one: Postgres in compose, Sentry, Heroku, GitHub Actions; three people and Dependabot committed. */
function djangoShop(): string {
  const root = tempRepo();
  const files: Record<string, string> = {
    "requirements.txt": "Django==5.1.3\npsycopg[binary]==3.2.3\ngunicorn==23.0.0\nsentry-sdk[django]==2.19.0\n",
    Procfile: "web: gunicorn shop.wsgi --log-file -\nrelease: python manage.py migrate\n",
    "docker-compose.yml": "services:\n  db:\n    image: postgres:16-alpine\n  web:\n    build: .\n",
    ".github/workflows/test.yml":
      "name: test\non: [pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n",
    "shop/settings.py": "DEBUG = False\n",
    "tests/fixtures/infra/main.tf": 'provider "aws" {}\n',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const git = (args: string[], env: Record<string, string> = {}) =>
    execFileSync("git", args, { cwd: root, env: { ...process.env, ...env } });
  git(["init", "-q", "-b", "main"]);
  const people = [
    ["Ada", "ada@shop.example"],
    ["Grace", "grace@shop.example"],
    ["Linus", "linus@shop.example"],
    ["dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com"],
  ];
  people.forEach(([name, email], index) => {
    writeFileSync(join(root, `CHANGELOG-${index}.md`), `change ${index}\n`);
    git(["add", "-A"]);
    const date = new Date(now.getTime() - (index + 1) * 86_400_000).toISOString();
    git(["commit", "-q", "-m", `change ${index}`], {
      GIT_AUTHOR_NAME: name!,
      GIT_AUTHOR_EMAIL: email!,
      GIT_COMMITTER_NAME: name!,
      GIT_COMMITTER_EMAIL: email!,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    });
  });
  return root;
}

describe("cto-copilot discover", () => {
  it("--format json prints exactly one document: the tech stack, its evidence and the questions", async () => {
    const root = djangoShop();
    const result = await runCli(["discover", "--format", "json"], { cwd: join(root, "shop"), now });
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as Record<string, any>;
    expect(Object.keys(document)).toEqual(["techStack", "evidence", "questions"]);
    expect(techStackSchema.safeParse(document.techStack).success).toBe(true);
    const { stack, team, maturityStage } = document.techStack;
    expect(stack.backend.framework).toBe("Django");
    expect(stack.backend.language).toContain("Python");
    expect(stack.backend.hosting).toContain("Heroku");
    expect(stack.database.primary).toBe("PostgreSQL");
    expect(stack.cicd.pipeline).toBe("GitHub Actions");
    // The Terraform file under tests/fixtures is test material, not this shop's cloud.
    expect(stack.infrastructure.cloudProvider).not.toContain("AWS");
    expect(team.headcount).toBe(3);
    expect(maturityStage).toBe("foundation");
    expect(document.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "stack.backend.framework", value: "Django", source: "requirements.txt" }),
      ]),
    );
    expect(document.questions).toEqual(expect.arrayContaining(["Monthly infrastructure budget: $___"]));
  });

  it("reads the working tree: a file deleted but not committed says nothing", async () => {
    const root = djangoShop(); // every file committed
    rmSync(join(root, "Procfile"));
    const result = await runCli(["discover", "--format", "json"], { cwd: root, now });
    expect(JSON.parse(result.stdout).techStack.stack.backend.hosting).not.toContain("Heroku");
  });

  it("text output names each value's source and ends with the next step", async () => {
    const root = djangoShop();
    const result = await runCli(["discover", "--root", root], { cwd: root, now });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Backend framework +Django\n +requirements\.txt: /);
    expect(result.stdout).toContain("What the repository cannot tell");
    expect(result.stdout).toContain(
      "Next: `cto-copilot init --discover` writes this into data/engineering/tech_stack.json.",
    );
  });
});

describe("cto-copilot init --discover", () => {
  it("writes the discovered tech_stack.json, which validates clean", async () => {
    const root = djangoShop();
    const result = await runCli(["init", "--discover"], { cwd: root, now });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("created data/engineering/tech_stack.json (discovered stack)");
    const written = JSON.parse(readFileSync(join(root, "data/engineering/tech_stack.json"), "utf8"));
    expect(written.stack.backend.framework).toBe("Django");
    expect((await runCli(["validate"], { cwd: root })).code).toBe(0);
  });

  it("on an existing file fills only the empty fields, never what a person wrote, and prints each one", async () => {
    const root = djangoShop();
    await runCli(["init"], { cwd: root, now });
    const path = join(root, "data/engineering/tech_stack.json");
    const mine = JSON.parse(readFileSync(path, "utf8"));
    mine.stack.backend.framework = "Django REST framework on Django 5";
    mine.stack.database.primary = "Postgres 16 (Crunchy Bridge)";
    writeFileSync(path, JSON.stringify(mine, null, 2));
    const result = await runCli(["init", "--discover"], { cwd: root, now });
    expect(result.code).toBe(0);
    const after = JSON.parse(readFileSync(path, "utf8"));
    expect(after.stack.backend.framework).toBe("Django REST framework on Django 5");
    expect(after.stack.database.primary).toBe("Postgres 16 (Crunchy Bridge)");
    expect(after.stack.backend.hosting).toContain("Heroku");
    expect(after.stack.cicd.pipeline).toBe("GitHub Actions");
    expect(result.stdout).toMatch(/filled +data\/engineering\/tech_stack\.json: \d+ empty fields/);
    expect(result.stdout).toContain("stack.cicd.pipeline = GitHub Actions");
    expect(result.stdout).not.toContain("stack.backend.framework =");
    // Run again: nothing left to fill, the file is untouched.
    const before = readFileSync(path, "utf8");
    const again = await runCli(["init", "--discover"], { cwd: root, now });
    expect(again.stdout).toContain("(kept: every field discovery could fill is already written)");
    expect(readFileSync(path, "utf8")).toBe(before);
  });

  it("refuses a tech_stack.json that is not JSON, with what to do, and leaves it as it was", async () => {
    const root = djangoShop();
    await runCli(["init"], { cwd: root, now });
    const path = join(root, "data/engineering/tech_stack.json");
    writeFileSync(path, '{ "version": "1.0", ');
    const result = await runCli(["init", "--discover"], { cwd: root, now });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("tech_stack.json is not valid JSON");
    expect(readFileSync(path, "utf8")).toBe('{ "version": "1.0", ');
  });
});
