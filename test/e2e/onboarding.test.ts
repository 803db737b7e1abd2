import { describe, expect, it } from "@jest/globals";
import { useAppAndEmulator } from "../support/app-fixture.js";
import { runAction } from "../support/action-runner.js";
import type { GitHubEmulator } from "../support/emulator/server.js";
import type { RepoState } from "../support/emulator/state.js";
import { installationPayload, installationRepositoriesPayload, webhookExamples } from "../support/webhook-payloads.js";

const fixture = useAppAndEmulator();
const branch = "cto-copilot/onboarding";

/** Three people (one with two addresses that .mailmap joins) and a bot committed lately. */
function addHistory(repo: RepoState): void {
  const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
  const authors = [
    { name: "Ada Lovelace", email: "ada@acme.dev", login: "ada" },
    { name: "Ada L", email: "ada@home.example", login: "ada" },
    { name: "Grace Hopper", email: "grace@acme.dev", login: "grace" },
    { name: "Linus", email: "linus@acme.dev" },
    { name: "dependabot[bot]", email: "49699333+dependabot[bot]@users.noreply.github.com", login: "dependabot[bot]" },
  ];
  authors.forEach((author, index) =>
    repo.commit(
      { [`CHANGELOG-${index}.md`]: `change ${index}\n` },
      { author, date: day(index + 1), message: `change ${index}` },
    ),
  );
}

const nextApp = {
  "package.json": JSON.stringify({
    name: "web",
    private: true,
    scripts: { dev: "next dev", build: "next build" },
    dependencies: {
      next: "15.0.3",
      react: "19.0.0",
      "react-dom": "19.0.0",
      "@prisma/client": "5.22.0",
      "@sentry/nextjs": "8.40.0",
    },
    devDependencies: { typescript: "5.6.3", prisma: "5.22.0", eslint: "9.15.0" },
  }),
  "tsconfig.json": "{}\n",
  "vercel.json": '{ "framework": "nextjs" }\n',
  "prisma/schema.prisma": 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n',
  ".github/workflows/ci.yml":
    "name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n",
  "src/app/page.tsx": "export default function Page() { return null; }\n",
};

const djangoApp = {
  "requirements.txt": "Django==5.1.3\npsycopg[binary]==3.2.3\ncelery==5.4.0\nredis==5.2.0\nsentry-sdk==2.19.0\n",
  Procfile: "web: gunicorn shop.wsgi\nworker: celery -A shop worker\n",
  "shop/settings.py": "INSTALLED_APPS = []\n",
  ".gitlab-ci.yml": "test:\n  script: pytest\n",
};

const goService = {
  "go.mod":
    "module github.com/acme/worker\n\ngo 1.23\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.10.0\n\tgithub.com/jackc/pgx/v5 v5.7.1\n)\n",
  "main.go": "package main\n\nfunc main() {}\n",
  Dockerfile: "FROM golang:1.23\n",
  ".github/workflows/build.yml": "name: build\non: [push]\njobs: {}\n",
};

const techStackOf = (github: GitHubEmulator, repo: RepoState, number: number) => {
  const pull = repo.pulls.get(number)!;
  const text = repo.commits.get(pull.headSha)!.tree.get("data/engineering/tech_stack.json");
  return JSON.parse(String(text)) as Record<string, any>;
};

const onboardingPulls = (repo: RepoState) => [...repo.pulls.values()].filter((pull) => pull.headRef === branch);

/** Waits until the App has sent no request for a while: onboarding runs after the webhook is answered. */
async function settled(github: GitHubEmulator, quietMs = 1_500, limitMs = 180_000): Promise<void> {
  let seen = -1;
  for (let waited = 0; waited < limitMs; waited += quietMs) {
    if (github.requests.length === seen) return;
    seen = github.requests.length;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
  throw new Error("the App kept sending requests");
}

describe("onboarding: one pull request per repository the App is installed on", () => {
  it("install on 4 repositories -> 3 pull requests with the discovered stack; redelivery, a closed one and a push open no other", async () => {
    const { github, app } = fixture;
    const web = github.addRepo("acme/web", nextApp);
    const shop = github.addRepo("acme/shop", djangoApp);
    const worker = github.addRepo("acme/worker", goService);
    const ready = github.addRepo("acme/ready", { "data/engineering/tech_stack.json": "{}\n" });
    for (const repo of [web, shop, worker]) addHistory(repo);
    web.commit({ ".mailmap": "Ada Lovelace <ada@acme.dev> Ada L <ada@home.example>\n" }, { message: "mailmap" });
    const installation = github.addInstallation([web, shop, worker, ready]);
    const payload = installationPayload(installation);
    const before = github.requests.length;
    const delivered = await app.deliver("installation", payload);
    expect(delivered.status).toBe(200);
    await settled(github);

    for (const repo of [web, shop, worker]) expect(onboardingPulls(repo)).toHaveLength(1);
    expect(onboardingPulls(ready)).toEqual([]);
    const [webPull] = onboardingPulls(web);
    expect(webPull!.title).toBe("Set up CTO Co-Pilot");
    expect(webPull!.baseRef).toBe("main");
    const webStack = techStackOf(github, web, webPull!.number);
    expect(webStack.stack.frontend.framework).toBe("Next.js");
    expect(webStack.stack.frontend.hosting).toBe("Vercel");
    expect(webStack.stack.database.primary).toBe("PostgreSQL");
    expect(webStack.stack.cicd.pipeline).toBe("GitHub Actions");
    // Octo Cat (the first commits), Ada (two addresses, one person), Grace, Linus; the bot is not a person.
    expect(webStack.team.headcount).toBe(4);
    expect(webStack.maturityStage).toBe("foundation");
    expect(webPull!.body).toContain("## First CTO sync");
    expect(webPull!.body).toContain("`prisma/schema.prisma`");
    expect(webPull!.body).toMatch(/- \[ \] .*budget/i);
    // Text from the repository's files is inert: "@sentry/nextjs" mentions no one.
    expect(webPull!.body).not.toMatch(/@sentry/);
    expect(webPull!.body).toContain("install");
    const headTree = web.commits.get(webPull!.headSha)!.tree;
    expect([...headTree.keys()]).toEqual(
      expect.arrayContaining([
        ".github/cto-copilot.yml",
        "data/engineering/tech_debt.json",
        "data/engineering/adrs/README.md",
      ]),
    );
    const shopStack = techStackOf(github, shop, onboardingPulls(shop)[0]!.number);
    expect(shopStack.stack.backend.framework).toContain("Django");
    expect(shopStack.stack.backend.hosting).toContain("Heroku");
    expect(shopStack.stack.cicd.pipeline).toBe("GitLab CI");
    const workerStack = techStackOf(github, worker, onboardingPulls(worker)[0]!.number);
    expect(workerStack.stack.backend.language).toContain("Go");
    expect(workerStack.stack.backend.framework).toContain("Gin");

    // A handful of requests per repository: one tree listing each, files read in batches, never one by one;
    // the repository already set up is told apart before any listing.
    const sent = github.requests.slice(before);
    const listings = sent.filter((request) => request.method === "GET" && request.path.includes("/git/trees/"));
    expect(listings.map((request) => request.path.split("/")[3]).sort()).toEqual(["shop", "web", "worker"]);
    expect(sent.filter((request) => request.path.includes("/contents/"))).toEqual([]);
    expect(sent.length).toBeLessThanOrEqual(3 * 20 + 5);

    // Redelivery of the same event: still one pull request each.
    expect((await app.deliver("installation", payload)).status).toBe(200);
    await settled(github);
    for (const repo of [web, shop, worker]) expect(onboardingPulls(repo)).toHaveLength(1);

    // Closed without merging: neither the event again, nor a push, asks again.
    web.closePull(webPull!.number);
    expect((await app.deliver("installation", payload)).status).toBe(200);
    await settled(github);
    expect(onboardingPulls(web)).toHaveLength(1);
    expect(web.pullState(webPull!)).toBe("closed");

    // A new install is a new question: the closed pull request does not stop it.
    const reinstall = github.addInstallation([web], { at: new Date(Date.now() + 60_000).toISOString() });
    expect((await app.deliver("installation", installationPayload(reinstall))).status).toBe(200);
    await settled(github);
    expect(onboardingPulls(web).filter((pull) => web.pullState(pull) === "open")).toHaveLength(1);
  }, 120_000);

  it("a repository that opted out gets nothing; past 10 repositories the rest are onboarded on their next push", async () => {
    const { github, app } = fixture;
    const optedOut = github.addRepo("bulk/opted-out", {
      ...goService,
      ".github/cto-copilot.yml": "onboarding: false\n",
    });
    const many = Array.from({ length: 11 }, (_, index) =>
      github.addRepo(`bulk/service-${String(index).padStart(2, "0")}`, goService),
    );
    const installation = github.addInstallation([optedOut]);
    expect((await app.deliver("installation", installationPayload(installation))).status).toBe(200);
    github.addToInstallation(installation, many);
    // The webhook is answered before any onboarding work: GitHub holds every request until the
    // answer is in, so a 200 (not the 202 of the App's deadline) shows it waited for none of
    // them. How soon it answers is measured by `npm run bench` (App deadlines).
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    github.inject({ status: 0, until: released, times: Number.POSITIVE_INFINITY });
    const answer = await app.deliver(
      "installation_repositories",
      installationRepositoriesPayload(installation, { added: many }),
    );
    github.clearFaults();
    release();
    expect(answer.status).toBe(200);
    await settled(github, 3_000);
    expect(onboardingPulls(optedOut)).toEqual([]);
    const waiting = many.filter((repo) => onboardingPulls(repo).length === 0);
    expect(waiting).toHaveLength(1);

    const example = structuredClone(webhookExamples().find((event) => event.name === "push")!.examples[0]!);
    const last = waiting[0]!;
    const push = {
      ...example,
      ref: "refs/heads/main",
      installation: { id: installation.id, node_id: "x" },
      repository: {
        ...example.repository,
        name: last.name,
        full_name: last.fullName,
        owner: { ...example.repository.owner, login: "bulk", name: "bulk" },
        default_branch: "main",
        archived: false,
      },
      commits: [{ ...(example.commits[0] ?? {}), added: [], removed: [], modified: ["main.go"] }],
    };
    expect((await app.deliver("push", push)).status).toBe(200);
    await settled(github);
    expect(onboardingPulls(last)).toHaveLength(1);
    // An installation made long ago (an App upgraded to onboarding) opens nothing on push.
    const old = github.addRepo("bulk/legacy", goService);
    const legacy = github.addInstallation([old], { at: "2024-01-15T10:00:00Z" });
    const legacyPush = {
      ...push,
      installation: { id: legacy.id, node_id: "y" },
      repository: { ...push.repository, name: old.name, full_name: old.fullName },
    };
    expect((await app.deliver("push", legacyPush)).status).toBe(200);
    await settled(github);
    expect(onboardingPulls(old)).toEqual([]);
    // The next push costs no request: the App remembers the repository is settled.
    const before = github.requests.length;
    expect((await app.deliver("push", push)).status).toBe(200);
    await settled(github, 1_000);
    expect(github.requests.length).toBe(before);
  }, 300_000);
});

describe("onboarding through the Action (command: onboard, workflow_dispatch)", () => {
  it("opens the pull request, says so in outputs and summary, and a second run opens none", async () => {
    const { github } = fixture;
    const repo = github.addRepo("acme/action-onboard", djangoApp);
    const run = () =>
      runAction({
        event: "workflow_dispatch",
        payload: { repository: { default_branch: "main", full_name: repo.fullName } },
        repository: repo.fullName,
        apiUrl: github.restUrl,
        graphqlUrl: github.graphqlUrl,
        inputs: { command: "onboard" },
      });
    const first = await run();
    expect(first.exitCode).toBe(0);
    expect(first.outputs["onboarding-status"]).toBe("opened");
    const [pull] = onboardingPulls(repo);
    expect(first.outputs["onboarding-pull-request"]).toBe(String(pull!.number));
    expect(first.summary).toContain("## First CTO sync");
    const second = await run();
    expect(second.exitCode).toBe(0);
    expect(second.outputs["onboarding-status"]).toBe("exists");
    expect(onboardingPulls(repo)).toHaveLength(1);
  }, 60_000);

  it("a token that may not write workflows still gets the pull request, without the workflow and saying so", async () => {
    const { github } = fixture;
    const organization = github.addRepo("tidy/.github", {
      ".github/cto-copilot.yml": "onboarding:\n  scorecardWorkflow: true\n",
    });
    const repo = github.addRepo("tidy/service", goService);
    // GitHub refuses a ref update that brings a workflow file without the workflows permission.
    github.inject({
      method: "PATCH",
      path: /\/repos\/tidy\/service\/git\/refs\//,
      status: 422,
      body: {
        message:
          "refusing to allow a GitHub App to create or update workflow `.github/workflows/cto-copilot-scorecard.yml` without `workflows` permission",
      },
    });
    const result = await runAction({
      event: "workflow_dispatch",
      payload: { repository: { default_branch: "main", full_name: repo.fullName } },
      repository: repo.fullName,
      apiUrl: github.restUrl,
      graphqlUrl: github.graphqlUrl,
      inputs: { command: "onboard" },
    });
    expect(result.stdout).not.toContain("::error");
    expect(result.exitCode).toBe(0);
    const [pull] = onboardingPulls(repo);
    const tree = repo.commits.get(pull!.headSha)!.tree;
    expect(tree.has("data/engineering/tech_stack.json")).toBe(true);
    expect(tree.has(".github/workflows/cto-copilot-scorecard.yml")).toBe(false);
    expect(pull!.body).toContain("the scorecard workflow was left out");
    // The organisation's defaults stay in force: the added config extends them.
    expect(String(tree.get(".github/cto-copilot.yml"))).toMatch(/^_extends: \.github$/m);
    expect(organization.fullName).toBe("tidy/.github");
  }, 60_000);
});
