import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { executeGraphql } from "./graphql.js";
import {
  commentBody,
  deploymentBody,
  deploymentStatusBody,
  gitRefBody,
  installationBody,
  appBody,
  issueBody,
  issueEventBody,
  labelBody,
  minimalRepositoryBody,
  pullRequestBody,
  releaseBody,
  repositoryBody,
  simpleUser,
  timestamp,
} from "./objects.js";
import { OpenApiValidator } from "./openapi.js";
import { RepoState, type CheckRun, type CommitAuthor, type Installation } from "./state.js";

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  body?: unknown;
}

/** A fault to inject into the next matching requests. */
export interface Fault {
  method?: string;
  path?: RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** How many matching requests get the fault (default 1). */
  times?: number;
  /** Delay before answering, in milliseconds (the fault may then still be a normal answer if status is 0). */
  delayMs?: number;
  /** Held until this settles, then answered (normally if status is 0): a GitHub that is slow for as long as a test says. */
  until?: Promise<unknown>;
}

type Json = Record<string, unknown>;
type Route = {
  method: string;
  pattern: RegExp;
  handle: (match: RegExpMatchArray, request: ParsedRequest) => Reply | Promise<Reply>;
};
type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
interface ParsedRequest {
  url: URL;
  body: Json;
  token?: string;
}

export const secondaryRateLimit = (retryAfterSeconds = 1): Fault => ({
  status: 403,
  headers: { "retry-after": String(retryAfterSeconds), "x-ratelimit-remaining": "4000" },
  body: {
    message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
    documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
  },
});

/** A write that lost a race (the ref moved, the file changed): GitHub answers 409 or 422. */
export const staleWrite = (status: 409 | 422 = 409): Fault => ({
  status,
  body: {
    message: status === 409 ? "Conflict" : "Update is not a fast forward",
    documentation_url: "https://docs.github.com/rest",
  },
});

const notFound = (): Reply => ({
  status: 404,
  body: { message: "Not Found", documentation_url: "https://docs.github.com/rest" },
});
const invalid = (message: string): Reply => ({
  status: 422,
  body: { message: "Validation Failed", errors: [{ message }], documentation_url: "https://docs.github.com/rest" },
});
const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * A stateful GitHub on loopback: REST under /api/v3 (every 2xx response checked against
 * GitHub's OpenAPI description), GraphQL at /api/graphql on GitHub's published schema.
 * It records every request and injects faults on demand.
 */
export class GitHubEmulator {
  readonly repos = new Map<string, RepoState>();
  readonly requests: RecordedRequest[] = [];
  /** Responses that did not match GitHub's description; a test fails when this is not empty. */
  readonly schemaProblems: string[] = [];
  /** Tokens that may only read (checks: read), like a fork PR's GITHUB_TOKEN. */
  readonly readOnlyTokens = new Set<string>();
  /**
   * GET /git/trees answers at most this many entries and then says `truncated: true`, as GitHub
   * does past 100,000 entries (or 7 MB, which the emulator does not measure). Lower it in a test
   * to see code under test meet a truncated tree.
   */
  treeEntryLimit = 100_000;
  /**
   * Installations of the App by id. Installation 1 (account "octocat", all repositories) always
   * exists: the payload builders default to it. Tokens from /app/installations/{id}/access_tokens
   * of a "selected" installation reach only its repositories (404 elsewhere, null in GraphQL).
   */
  readonly installations = new Map<number, Installation>([
    [
      1,
      {
        id: 1,
        account: "octocat",
        accountType: "User",
        repositorySelection: "all",
        repositories: [],
        createdAt: "2025-01-01T00:00:00Z",
        updatedAt: "2025-01-01T00:00:00Z",
      },
    ],
  ]);
  /**
   * Who a token writes as (issues, comments, labels, closes). Tokens not listed write as the App's
   * bot, `cto-copilot[bot]`; a workflow's GITHUB_TOKEN writes as `github-actions[bot]`, and a
   * person's token as that person: list them here.
   */
  readonly tokenLogins = new Map<string, string>();
  /** Installation access tokens handed out, to the installation id they belong to. */
  private readonly installationTokens = new Map<string, number>();
  private readonly faults: Fault[] = [];
  private server?: Server;
  private checkRunIds = 1;
  private commentIds = 1;
  private readonly routes: Route[] = [];
  private readonly openapi = OpenApiValidator.shared();

  constructor() {
    this.defineRoutes();
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  get restUrl(): string {
    return `${this.url}/api/v3`;
  }

  get graphqlUrl(): string {
    return `${this.url}/api/graphql`;
  }

  /** host:port, for Probot's GHE_HOST. */
  get host(): string {
    return this.url.replace(/^http:\/\//, "");
  }

  addRepo(fullName: string, files: Record<string, string | Uint8Array> = {}): RepoState {
    const [owner, name] = fullName.split("/") as [string, string];
    const repo = new RepoState(owner, name);
    repo.commit({ README: "# test\n", ...files }, { message: "Initial commit" });
    this.repos.set(fullName.toLowerCase(), repo);
    return repo;
  }

  /**
   * Installs the App on some repositories (next id from 2 unless given; installed now unless
   * `at`): deliver `installationPayload(installation)` to tell the App. A reinstall is a new
   * installation. `addToInstallation` adds repositories later.
   */
  addInstallation(
    repositories: RepoState[],
    options: {
      id?: number;
      account?: string;
      accountType?: "User" | "Organization";
      repositorySelection?: "all" | "selected";
      at?: string;
    } = {},
  ): Installation {
    const id = options.id ?? Math.max(...this.installations.keys()) + 1;
    const at = options.at ?? timestamp();
    const installation: Installation = {
      id,
      account: options.account ?? repositories[0]?.owner ?? "octocat",
      accountType: options.accountType ?? "Organization",
      repositorySelection: options.repositorySelection ?? "selected",
      repositories: [...repositories],
      createdAt: at,
      updatedAt: at,
    };
    this.installations.set(id, installation);
    return installation;
  }

  /** Adds repositories to an installation (its `updated_at` moves): then deliver `installationRepositoriesPayload`. */
  addToInstallation(installation: Installation, repositories: RepoState[], at: string = timestamp()): void {
    for (const repo of repositories)
      if (!installation.repositories.includes(repo)) installation.repositories.push(repo);
    installation.updatedAt = at;
  }

  /** Removes an installation (an uninstall): its id gets no more tokens, and its tokens answer 401. */
  removeInstallation(installation: Installation): void {
    this.installations.delete(installation.id);
  }

  /** The repositories a token reaches: those of its installation when it has selected ones, else all. */
  private visibleRepos(token: string | undefined): Map<string, RepoState> {
    const installation = this.installations.get(this.installationTokens.get(token ?? "") ?? 1);
    if (!installation || installation.repositorySelection === "all") return this.repos;
    return new Map(installation.repositories.map((repo) => [repo.fullName.toLowerCase(), repo]));
  }

  /** An installation's repositories: the selected ones, or every emulated repository of "all". */
  private installationRepos(installation: Installation): RepoState[] {
    return installation.repositorySelection === "all" ? [...this.repos.values()] : installation.repositories;
  }

  inject(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  /** Drops the faults not yet used up. */
  clearFaults(): void {
    this.faults.splice(0);
  }

  /** Requests matching a method and a path pattern (of what was sent, without /api/v3). */
  count(method: string, path?: RegExp): number {
    return this.requests.filter((request) => request.method === method && (!path || path.test(request.path))).length;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", this.url);
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    let body: Json = {};
    try {
      body = text ? (JSON.parse(text) as Json) : {};
    } catch {
      return this.send(
        response,
        { method: request.method ?? "GET", path: url.pathname, query: {}, status: 400 },
        { status: 400, body: { message: "Problems parsing JSON" } },
      );
    }
    const method = request.method ?? "GET";
    const path = url.pathname.replace(/^\/api\/v3/, "");
    const record: RecordedRequest = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      status: 0,
      body: text ? body : undefined,
    };
    this.requests.push(record);

    const fault = this.faults.find(
      (candidate) =>
        (candidate.times ?? 1) > 0 &&
        (!candidate.method || candidate.method === method) &&
        (!candidate.path || candidate.path.test(path)),
    );
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault.until) await fault.until;
      if (fault.status > 0)
        return this.send(response, record, {
          status: fault.status,
          headers: fault.headers,
          body: fault.body ?? { message: "injected fault" },
        });
    }

    const authorization = request.headers.authorization ?? "";
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(authorization)?.[1];
    if (!token)
      return this.send(response, record, {
        status: 401,
        body: { message: "Requires authentication", documentation_url: "https://docs.github.com/rest" },
      });

    const installationId = this.installationTokens.get(token);
    if (installationId !== undefined && !this.installations.has(installationId))
      return this.send(response, record, {
        status: 401,
        body: { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" },
      });
    const visible = this.visibleRepos(token);
    if (url.pathname === "/api/graphql" && method === "POST") {
      const result = await executeGraphql(visible, String(body.query ?? ""), body.variables as Json | undefined);
      return this.send(response, record, { status: 200, body: result });
    }
    if (!url.pathname.startsWith("/api/v3/")) return this.send(response, record, notFound());
    // An installation token of selected repositories does not reach the others: GitHub answers 404.
    const target = /^\/repos\/([^/]+)\/([^/]+)/.exec(path);
    if (target && visible !== this.repos && !visible.has(`${target[1]}/${target[2]}`.toLowerCase()))
      return this.send(response, record, notFound());
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const match = route.pattern.exec(path);
      if (!match) continue;
      const reply = await route.handle(match, { url, body, token });
      if (reply.status < 300 && reply.body !== undefined) {
        for (const problem of this.openapi.check(method, path, reply.status, reply.body))
          this.schemaProblems.push(problem);
      }
      return this.send(response, record, reply);
    }
    this.schemaProblems.push(
      `${method} ${path}: the emulator has no such route (the code under test called an endpoint it does not emulate)`,
    );
    return this.send(response, record, notFound());
  }

  private send(response: ServerResponse, record: RecordedRequest, reply: Reply): void {
    record.status = reply.status;
    response.writeHead(reply.status, { "content-type": "application/json; charset=utf-8", ...(reply.headers ?? {}) });
    response.end(reply.body === undefined ? "" : JSON.stringify(reply.body));
  }

  private repo(match: RegExpMatchArray): RepoState | undefined {
    return this.repos.get(`${match[1]}/${match[2]}`.toLowerCase());
  }

  private page<T>(items: T[], request: ParsedRequest): Reply {
    const perPage = Math.min(100, Number(request.url.searchParams.get("per_page") ?? 30));
    const page = Math.max(1, Number(request.url.searchParams.get("page") ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number, rel: string) => {
      const next = new URL(request.url);
      next.searchParams.set("page", String(n));
      return `<${next.toString()}>; rel="${rel}"`;
    };
    const links = [
      ...(page < last ? [link(page + 1, "next"), link(last, "last")] : []),
      ...(page > 1 ? [link(1, "first"), link(page - 1, "prev")] : []),
    ];
    return {
      status: 200,
      body: items.slice((page - 1) * perPage, page * perPage),
      headers: links.length ? { link: links.join(", ") } : {},
    };
  }

  private checkRunBody(repo: RepoState, run: CheckRun): Json {
    const base = `${this.restUrl}/repos/${repo.fullName}`;
    return {
      id: run.id,
      head_sha: run.head_sha,
      node_id: `CR_${run.id}`,
      external_id: "",
      url: `${base}/check-runs/${run.id}`,
      html_url: `https://github.com/${repo.fullName}/runs/${run.id}`,
      details_url: `https://github.com/${repo.fullName}/runs/${run.id}`,
      status: run.status,
      conclusion: run.conclusion,
      started_at: run.started_at,
      completed_at: run.completed_at,
      output: {
        ...run.output,
        annotations_count: run.annotations.length,
        annotations_url: `${base}/check-runs/${run.id}/annotations`,
      },
      name: run.name,
      check_suite: { id: 1 },
      app: null,
      pull_requests: [],
    };
  }

  private urls(repo: RepoState) {
    return {
      repoApi: `${this.restUrl}/repos/${repo.fullName}`,
      repoHtml: `https://github.com/${repo.fullName}`,
      api: this.restUrl,
    };
  }

  private gitCommitBody(repo: RepoState, sha: string) {
    const commit = repo.commits.get(sha)!;
    const { repoApi, repoHtml } = this.urls(repo);
    const person = { name: commit.author.name, email: commit.author.email, date: commit.date };
    const tree = repo.treeShaOf(sha);
    return {
      sha,
      node_id: `C_${sha.slice(0, 10)}`,
      url: `${repoApi}/git/commits/${sha}`,
      html_url: `${repoHtml}/commit/${sha}`,
      author: person,
      committer: person,
      message: commit.message,
      tree: { sha: tree, url: `${repoApi}/git/trees/${tree}` },
      parents: commit.parents.map((parent) => ({
        sha: parent,
        url: `${repoApi}/git/commits/${parent}`,
        html_url: `${repoHtml}/commit/${parent}`,
      })),
      verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
    };
  }

  private issueReply(repo: RepoState, number: number, status = 200): Reply {
    const issue = repo.issues.get(number);
    if (!issue) return notFound();
    const { repoApi, repoHtml, api } = this.urls(repo);
    return { status, body: issueBody(issue, repo.labels, repoApi, repoHtml, api) };
  }

  private pullReply(repo: RepoState, number: number): Reply {
    const pull = repo.pulls.get(number);
    if (!pull) return notFound();
    const comments = repo.comments.filter((comment) => comment.issue === number).length;
    const counts = { comments, commits: repo.pullCommits(pull).length };
    return { status: 200, body: pullRequestBody(pull, repo, repo.labels, counts, this.restUrl) };
  }

  private applyCheckRunWrite(run: CheckRun, body: Json): Reply | undefined {
    if (body.status !== undefined) run.status = String(body.status);
    if (body.conclusion !== undefined) {
      run.conclusion = String(body.conclusion);
      run.status = "completed";
      run.completed_at = now();
    }
    const output = body.output as Json | undefined;
    if (output) {
      const annotations = (output.annotations as Json[] | undefined) ?? [];
      if (annotations.length > 50) return invalid("Only 50 annotations are allowed per request");
      for (const annotation of annotations) {
        if (
          !annotation.path ||
          !annotation.start_line ||
          !annotation.end_line ||
          !annotation.annotation_level ||
          !annotation.message
        )
          return invalid("annotation is missing a required field");
        if (
          (annotation.start_column !== undefined || annotation.end_column !== undefined) &&
          annotation.start_line !== annotation.end_line
        ) {
          return invalid("Annotations only support start_column and end_column on the same line");
        }
      }
      if (String(output.summary ?? "").length > 65535)
        return invalid("output.summary is too long (maximum is 65535 characters)");
      run.output = {
        title: (output.title as string) ?? run.output.title,
        summary: (output.summary as string) ?? run.output.summary,
        text: (output.text as string) ?? run.output.text,
      };
      run.annotations.push(...annotations);
    }
    return undefined;
  }

  /** Who a request's token writes as (`tokenLogins`; the App's bot by default). */
  private loginOf(token: string | undefined): string {
    return this.tokenLogins.get(token ?? "") ?? "cto-copilot[bot]";
  }

  private defineRoutes(): void {
    const repoPath = "/repos/([^/]+)/([^/]+)";
    const route = (method: string, pattern: string, handle: Route["handle"]) =>
      this.routes.push({ method, pattern: new RegExp(`^${pattern}$`), handle });

    route("POST", "/app/installations/(\\d+)/access_tokens", (match) => {
      const installation = this.installations.get(Number(match[1]));
      if (!installation) return notFound();
      const token = `ghs_installation_${Math.random().toString(36).slice(2)}`;
      this.installationTokens.set(token, installation.id);
      return {
        status: 201,
        body: {
          token,
          expires_at: new Date(Date.now() + 3600_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
          permissions: { checks: "write", contents: "read", pull_requests: "read", metadata: "read" },
          repository_selection: installation.repositorySelection,
        },
      };
    });
    route("GET", "/app", () => ({ status: 200, body: appBody(this.restUrl) }));
    // Who a person's token is; an App's or a workflow's token may not ask (GitHub answers 403).
    route("GET", "/user", (_match, request) => {
      const login = this.loginOf(request.token);
      if (login.endsWith("[bot]"))
        return {
          status: 403,
          body: {
            message: "Resource not accessible by integration",
            documentation_url: "https://docs.github.com/rest/users/users#get-the-authenticated-user",
          },
        };
      return {
        status: 200,
        body: {
          ...simpleUser(login, this.restUrl),
          name: login,
          company: null,
          blog: "",
          location: null,
          email: null,
          hireable: null,
          bio: null,
          public_repos: 0,
          public_gists: 0,
          followers: 0,
          following: 0,
          created_at: "2020-01-01T00:00:00Z",
          updated_at: "2020-01-01T00:00:00Z",
        },
      };
    });
    route("GET", "/app/installations/(\\d+)", (match) => {
      const installation = this.installations.get(Number(match[1]));
      return installation ? { status: 200, body: installationBody(installation, this.restUrl) } : notFound();
    });
    // What an installation token reaches (a token the emulator did not hand out counts as installation 1's).
    route("GET", "/installation/repositories", (_match, request) => {
      const installation = this.installations.get(this.installationTokens.get(request.token ?? "") ?? 1)!;
      const repos = this.installationRepos(installation);
      const reply = this.page(repos, request);
      return {
        ...reply,
        body: {
          total_count: repos.length,
          repository_selection: installation.repositorySelection,
          repositories: (reply.body as RepoState[]).map((repo) => repositoryBody(repo, this.restUrl)),
        },
      };
    });
    // An organisation's repositories, as far as the token reaches (an installation's, or all).
    route("GET", "/orgs/([^/]+)/repos", (match, request) => {
      const owner = decodeURIComponent(match[1]!).toLowerCase();
      const visible = [...this.visibleRepos(request.token).values()]
        .filter((repo) => repo.owner.toLowerCase() === owner)
        .sort((a, b) => a.id - b.id);
      if (visible.length === 0 && ![...this.repos.values()].some((repo) => repo.owner.toLowerCase() === owner))
        return notFound();
      const reply = this.page(visible, request);
      return { ...reply, body: (reply.body as RepoState[]).map((repo) => repositoryBody(repo, this.restUrl)) };
    });
    route("GET", repoPath, (match) => {
      const repo = this.repo(match);
      return repo ? { status: 200, body: repositoryBody(repo, this.restUrl) } : notFound();
    });

    // A tree by tree sha, commit sha or ref name; `recursive` with any value lists every level.
    route("GET", `${repoPath}/git/trees/(.+)`, (match, request) => {
      const repo = this.repo(match);
      const listing = repo?.listTree(decodeURIComponent(match[3]!), request.url.searchParams.has("recursive"));
      if (!repo || !listing) return notFound();
      const { repoApi } = this.urls(repo);
      const truncated = listing.entries.length > this.treeEntryLimit;
      return {
        status: 200,
        body: {
          sha: listing.sha,
          url: `${repoApi}/git/trees/${listing.sha}`,
          tree: listing.entries.slice(0, this.treeEntryLimit).map((entry) => ({
            ...entry,
            url: `${repoApi}/git/${entry.type === "blob" ? "blobs" : "trees"}/${entry.sha}`,
          })),
          truncated,
        },
      };
    });

    route("GET", `${repoPath}/pulls/(\\d+)`, (match) => {
      const repo = this.repo(match);
      return repo ? this.pullReply(repo, Number(match[3])) : notFound();
    });
    route("PATCH", `${repoPath}/pulls/(\\d+)`, (match, request) => {
      const repo = this.repo(match);
      const pull = repo?.pulls.get(Number(match[3]));
      if (!repo || !pull) return notFound();
      const { title, body, state } = request.body;
      if (state !== undefined && state !== "open" && state !== "closed") return invalid("state must be open or closed");
      if (state !== undefined && pull.mergedAt) return invalid("A merged pull request cannot be closed or reopened");
      if (typeof title === "string") pull.title = title;
      if (typeof body === "string") pull.body = body;
      if (state === "closed") repo.closePull(pull.number);
      if (state === "open" && pull.closedAt) {
        const other = [...repo.pulls.values()].find(
          (candidate) =>
            candidate !== pull && candidate.headRef === pull.headRef && repo.pullState(candidate) === "open",
        );
        if (other) return invalid(`A pull request already exists for ${repo.owner}:${pull.headRef}.`);
        repo.reopenPull(pull.number);
      }
      return this.pullReply(repo, pull.number);
    });

    route("GET", `${repoPath}/pulls/(\\d+)/files`, (match, request) => {
      const repo = this.repo(match);
      const pull = repo?.pulls.get(Number(match[3]));
      if (!repo || !pull) return notFound();
      const files = pull.files.map((file) => ({
        ...file,
        blob_url: `https://github.com/${repo.fullName}/blob/${pull.headSha}/${file.filename}`,
        raw_url: `https://github.com/${repo.fullName}/raw/${pull.headSha}/${file.filename}`,
        contents_url: `${this.restUrl}/repos/${repo.fullName}/contents/${file.filename}?ref=${pull.headSha}`,
      }));
      return this.page(files.slice(0, 3000), request);
    });

    route("GET", `${repoPath}/commits/([^/]+)/check-runs`, (match, request) => {
      const repo = this.repo(match);
      if (!repo) return notFound();
      const sha = repo.resolve(match[3]!)?.sha ?? match[3];
      const name = request.url.searchParams.get("check_name");
      let runs = repo.checkRuns
        .filter((run) => run.head_sha === sha && (!name || run.name === name))
        .sort((a, b) => b.id - a.id);
      if (request.url.searchParams.get("filter") !== "all")
        runs = runs.filter((run, index) => runs.findIndex((other) => other.name === run.name) === index);
      const { body } = this.page(runs, request);
      return {
        status: 200,
        body: { total_count: runs.length, check_runs: (body as CheckRun[]).map((run) => this.checkRunBody(repo, run)) },
      };
    });

    route("POST", `${repoPath}/check-runs`, (match, request) => {
      const repo = this.repo(match);
      if (!repo) return notFound();
      if (this.readOnlyTokens.has(request.token ?? ""))
        return {
          status: 403,
          body: {
            message: "Resource not accessible by integration",
            documentation_url: "https://docs.github.com/rest/checks/runs#create-a-check-run",
          },
        };
      const { name, head_sha: headSha } = request.body;
      if (typeof name !== "string" || typeof headSha !== "string") return invalid("name and head_sha are required");
      if (!repo.commits.has(headSha)) return invalid("No commit found for SHA: " + headSha);
      const run: CheckRun = {
        id: this.checkRunIds++,
        name,
        head_sha: headSha,
        status: "queued",
        conclusion: null,
        started_at: now(),
        completed_at: null,
        output: { title: null, summary: null, text: null },
        annotations: [],
      };
      const error = this.applyCheckRunWrite(run, request.body);
      if (error) return error;
      repo.checkRuns.push(run);
      return { status: 201, body: this.checkRunBody(repo, run) };
    });

    route("PATCH", `${repoPath}/check-runs/(\\d+)`, (match, request) => {
      const repo = this.repo(match);
      const run = repo?.checkRuns.find((candidate) => candidate.id === Number(match[3]));
      if (!repo || !run) return notFound();
      if (this.readOnlyTokens.has(request.token ?? ""))
        return {
          status: 403,
          body: {
            message: "Resource not accessible by integration",
            documentation_url: "https://docs.github.com/rest/checks/runs#update-a-check-run",
          },
        };
      const error = this.applyCheckRunWrite(run, request.body);
      return error ?? { status: 200, body: this.checkRunBody(repo, run) };
    });

    // Issues (pull requests share their numbers and their comments).
    route("GET", `${repoPath}/issues`, (match, request) => {
      const repo = this.repo(match);
      if (!repo) return notFound();
      const state = request.url.searchParams.get("state") ?? "open";
      const wanted = (request.url.searchParams.get("labels") ?? "")
        .split(",")
        .filter(Boolean)
        .map((name) => name.toLowerCase());
      const since = request.url.searchParams.get("since");
      const issues = [...repo.issues.values()]
        .filter((issue) => state === "all" || issue.state === state)
        .filter((issue) => wanted.every((name) => issue.labels.some((label) => label.toLowerCase() === name)))
        .filter((issue) => !since || issue.updatedAt >= since)
        .sort((a, b) => b.number - a.number);
      const { repoApi, repoHtml, api } = this.urls(repo);
      const reply = this.page(issues, request);
      return {
        ...reply,
        body: (reply.body as typeof issues).map((issue) => issueBody(issue, repo.labels, repoApi, repoHtml, api)),
      };
    });
    route("GET", `${repoPath}/issues/(\\d+)`, (match) => {
      const repo = this.repo(match);
      return repo ? this.issueReply(repo, Number(match[3])) : notFound();
    });
    route("POST", `${repoPath}/issues`, (match, request) => {
      const repo = this.repo(match);
      if (!repo) return notFound();
      if (typeof request.body.title !== "string" || request.body.title === "") return invalid("title is required");
      // As GitHub does: an assignee who cannot be assigned (no access to the repository) refuses the whole issue.
      const assignees = (request.body.assignees as string[] | undefined) ?? [];
      if (assignees.some((login) => !repo.writers.has(login.toLowerCase())))
        return invalid("assignees: a login cannot be assigned to issues of this repository");
      const issue = repo.createIssue({
        title: request.body.title,
        body: (request.body.body as string | undefined) ?? null,
        labels: (request.body.labels as string[] | undefined) ?? [],
        user: this.loginOf(request.token),
      });
      if (assignees.length > 0) issue.assignees = [...assignees];
      return this.issueReply(repo, issue.number, 201);
    });
    route("PATCH", `${repoPath}/issues/(\\d+)`, (match, request) => {
      const repo = this.repo(match);
      const issue = repo?.issues.get(Number(match[3]));
      if (!repo || !issue) return notFound();
      const actor = this.loginOf(request.token);
      const {
        title,
        body,
        state,
        state_reason: stateReason,
        labels,
        assignees,
      } = request.body as Record<string, unknown>;
      if (Array.isArray(assignees)) {
        if (assignees.some((login) => !repo.writers.has(String(login).toLowerCase())))
          return invalid("assignees: a login cannot be assigned to issues of this repository");
        issue.assignees = assignees.map(String);
      }
      if (typeof title === "string") issue.title = title;
      if (typeof body === "string" || body === null) issue.body = body as string | null;
      if (Array.isArray(labels)) {
        const next = labels.map((name) => repo.ensureLabel(String(name)).name);
        for (const name of issue.labels.filter((label) => !next.includes(label)))
          repo.recordIssueEvent(issue.number, "unlabeled", timestamp(), { label: name, actor });
        for (const name of next.filter((label) => !issue.labels.includes(label)))
          repo.recordIssueEvent(issue.number, "labeled", timestamp(), { label: name, actor });
        issue.labels = next;
      }
      if (state === "closed" && issue.state === "open")
        repo.closeIssue(issue.number, stateReason === "not_planned" ? "not_planned" : "completed", timestamp(), actor);
      if (state === "open" && issue.state === "closed") repo.reopenIssue(issue.number, timestamp(), actor);
      issue.updatedAt = timestamp();
      return this.issueReply(repo, issue.number);
    });
    route("POST", `${repoPath}/issues/(\\d+)/labels`, (match, request) => {
      const repo = this.repo(match);
      const number = Number(match[3]);
      const target = repo?.issues.get(number) ?? repo?.pulls.get(number);
      if (!repo || !target) return notFound();
      const names = ((request.body.labels as string[] | undefined) ?? []).map((name) => repo.ensureLabel(name).name);
      const current = "labels" in target ? target.labels : [];
      for (const name of names)
        if (!current.includes(name)) {
          current.push(name);
          if (repo.issues.has(number))
            repo.recordIssueEvent(number, "labeled", timestamp(), { label: name, actor: this.loginOf(request.token) });
        }
      const { repoApi } = this.urls(repo);
      return { status: 200, body: current.map((name) => labelBody(repo.ensureLabel(name), repoApi)) };
    });
    route("GET", `${repoPath}/labels`, (match, request) => {
      const repo = this.repo(match);
      if (!repo) return notFound();
      const reply = this.page(repo.labels, request);
      return {
        ...reply,
        body: (reply.body as typeof repo.labels).map((label) => labelBody(label, this.urls(repo).repoApi)),
      };
    });
    route("POST", `${repoPath}/labels`, (match, request) => {
      const repo = this.repo(match);
      if (!repo) return notFound();
      const name = String(request.body.name ?? "");
      if (!name) return invalid("name is required");
      if (repo.labels.some((label) => label.name.toLowerCase() === name.toLowerCase()))
        return invalid("Label already exists");
      const label = repo.ensureLabel(name);
      label.color = String(request.body.color ?? label.color);
      label.description = (request.body.description as string | undefined) ?? null;
      return { status: 201, body: labelBody(label, this.urls(repo).repoApi) };
    });

    // Comments on issues and pull requests.
    route("GET", `${repoPath}/issues/(\\d+)/comments`, (match, request) => {
      const repo = this.repo(match);
      if (!repo) return notFound();
      const comments = repo.comments.filter((comment) => comment.issue === Number(match[3]));
      const { repoApi, repoHtml, api } = this.urls(repo);
      const reply = this.page(comments, request);
      return {
        ...reply,
        body: (reply.body as typeof comments).map((comment) => commentBody(comment, repoApi, repoHtml, api)),
      };
    });
    route("POST", `${repoPath}/issues/(\\d+)/comments`, (match, request) => {
      const repo = this.repo(match);
      const number = Number(match[3]);
      if (!repo || (!repo.issues.has(number) && !repo.pulls.has(number))) return notFound();
      if (typeof request.body.body !== "string") return invalid("body is required");
      if (request.body.body.length > 65536) return invalid("Body is too long (maximum is 65536 characters)");
      const at = timestamp();
      const comment = {
        id: 60_000 + this.commentIds++,
        issue: number,
        body: request.body.body,
        user: this.loginOf(request.token),
        createdAt: at,
        updatedAt: at,
      };
      repo.comments.push(comment);
      const issue = repo.issues.get(number);
      if (issue) issue.comments++;
      const { repoApi, repoHtml, api } = this.urls(repo);
      return { status: 201, body: commentBody(comment, repoApi, repoHtml, api) };
    });
    route("DELETE", `${repoPath}/issues/comments/(\\d+)`, (match) => {
      const repo = this.repo(match);
      const comment = repo?.comments.find((candidate) => candidate.id === Number(match[3]));
      if (!repo || !comment) return notFound();
      repo.deleteComment(comment.id);
      return { status: 204, body: undefined };
    });
    route("GET", `${repoPath}/issues/(\\d+)/events`, (match, request) => {
      const repo = this.repo(match);
      const number = Number(match[3]);
      if (!repo || !repo.issues.has(number)) return notFound();
      const events = repo.issueEvents.filter((event) => event.issue === number);
      const { repoApi, api } = this.urls(repo);
      const reply = this.page(events, request);
      return { ...reply, body: (reply.body as typeof events).map((event) => issueEventBody(event, repoApi, api)) };
    });
    // Whether a login can be assigned issues: 204, else 404 (here: the logins with write access).
    route("GET", `${repoPath}/assignees/([^/]+)`, (match) => {
      const repo = this.repo(match);
      if (!repo) return notFound();
      return repo.writers.has(decodeURIComponent(match[3]!).toLowerCase())
        ? { status: 204, body: undefined }
        : notFound();
    });
    // A collaborator's role; GitHub's older `permission` field says "write" for maintain and "read" for triage.
    // Someone who is not a collaborator reads a public repository and nothing of a private one.
    route("GET", `${repoPath}/collaborators/([^/]+)/permission`, (match) => {
      const repo = this.repo(match);
      if (!repo) return notFound();
      const login = decodeURIComponent(match[3]!);
      const key = login.toLowerCase();
      const role =
        key === repo.owner.toLowerCase()
          ? "admin"
          : (repo.roles.get(key) ?? (repo.writers.has(key) ? "write" : repo.isPrivate ? "none" : "read"));
      const permission = role === "maintain" ? "write" : role === "triage" ? "read" : role;
      const { api } = this.urls(repo);
      return {
        status: 200,
        body: { permission, role_name: role, user: { ...simpleUser(login, api), role_name: role } },
      };
    });
    route("PATCH", `${repoPath}/issues/comments/(\\d+)`, (match, request) => {
      const repo = this.repo(match);
      const comment = repo?.comments.find((candidate) => candidate.id === Number(match[3]));
      if (!repo || !comment) return notFound();
      if (typeof request.body.body !== "string") return invalid("body is required");
      if (request.body.body.length > 65536) return invalid("Body is too long (maximum is 65536 characters)");
      comment.body = request.body.body;
      comment.updatedAt = timestamp();
      const { repoApi, repoHtml, api } = this.urls(repo);
      return { status: 200, body: commentBody(comment, repoApi, repoHtml, api) };
    });

    // Deployments and their statuses, releases, refs.
    route("GET", `${repoPath}/deployments`, (match, request) => {
      const repo = this.repo(match);
      if (!repo) return notFound();
      const environment = request.url.searchParams.get("environment");
      const deployments = repo.deployments
        .filter((deployment) => !environment || deployment.environment === environment)
        .reverse();
      const { repoApi, api } = this.urls(repo);
      const reply = this.page(deployments, request);
      return {
        ...reply,
        body: (reply.body as typeof deployments).map((deployment) => deploymentBody(deployment, repoApi, api)),
      };
    });
    route("GET", `${repoPath}/deployments/(\\d+)/statuses`, (match, request) => {
      const repo = this.repo(match);
      const deployment = repo?.deployments.find((candidate) => candidate.id === Number(match[3]));
      if (!repo || !deployment) return notFound();
      const { repoApi, api } = this.urls(repo);
      const reply = this.page([...deployment.statuses].reverse(), request);
      return {
        ...reply,
        body: (reply.body as typeof deployment.statuses).map((status) =>
          deploymentStatusBody(deployment, status, repoApi, api),
        ),
      };
    });
    route("GET", `${repoPath}/releases`, (match, request) => {
      const repo = this.repo(match);
      if (!repo) return notFound();
      const { repoApi, repoHtml, api } = this.urls(repo);
      const releases = [...repo.releases].reverse();
      const reply = this.page(releases, request);
      return {
        ...reply,
        body: (reply.body as typeof releases).map((release) => releaseBody(release, repoApi, repoHtml, api)),
      };
    });
    route("GET", `${repoPath}/git/ref/(.+)`, (match) => {
      const repo = this.repo(match);
      const name = decodeURIComponent(match[3]!);
      const sha = name.startsWith("heads/") ? repo?.branches.get(name.slice(6)) : undefined;
      return repo && sha ? { status: 200, body: gitRefBody(`refs/${name}`, sha, this.urls(repo).repoApi) } : notFound();
    });
    route("GET", `${repoPath}/branches/([^/]+)/protection`, (match) => {
      const repo = this.repo(match);
      const branch = decodeURIComponent(match[3]!);
      if (!repo || !repo.protectedBranches.has(branch))
        return {
          status: 404,
          body: {
            message: "Branch not protected",
            documentation_url: "https://docs.github.com/rest/branches/branch-protection",
          },
        };
      const url = `${this.urls(repo).repoApi}/branches/${branch}/protection`;
      return { status: 200, body: { url, enabled: true, name: branch, protection_url: url } };
    });
    route("GET", `${repoPath}/actions/workflows/([^/]+)/runs`, (match, request) => {
      const repo = this.repo(match);
      if (!repo) return notFound();
      const workflow = decodeURIComponent(match[3]!);
      const branch = request.url.searchParams.get("branch");
      const status = request.url.searchParams.get("status");
      const runs = repo.workflowRuns
        .filter(
          (run) =>
            run.workflow === workflow && (!branch || run.headBranch === branch) && (!status || status === "completed"),
        )
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      const { repoApi, repoHtml, api } = this.urls(repo);
      const page = this.page(runs, request);
      const repository = minimalRepositoryBody(repo.owner, repo.name, repo.id, api);
      return {
        ...page,
        body: {
          total_count: runs.length,
          workflow_runs: (page.body as typeof runs).map((run) => ({
            id: run.id,
            node_id: `WFR_${run.id}`,
            name: run.workflow,
            head_branch: run.headBranch,
            head_sha: run.headSha,
            path: `.github/workflows/${run.workflow}`,
            display_title: run.title,
            run_number: run.runNumber,
            event: "push",
            status: "completed",
            conclusion: run.conclusion,
            workflow_id: 7,
            url: `${repoApi}/actions/runs/${run.id}`,
            html_url: `${repoHtml}/actions/runs/${run.id}`,
            pull_requests: [],
            created_at: run.createdAt,
            updated_at: run.updatedAt,
            jobs_url: `${repoApi}/actions/runs/${run.id}/jobs`,
            logs_url: `${repoApi}/actions/runs/${run.id}/logs`,
            check_suite_url: `${repoApi}/check-suites/${run.id}`,
            artifacts_url: `${repoApi}/actions/runs/${run.id}/artifacts`,
            cancel_url: `${repoApi}/actions/runs/${run.id}/cancel`,
            rerun_url: `${repoApi}/actions/runs/${run.id}/rerun`,
            workflow_url: `${repoApi}/actions/workflows/7`,
            head_commit: {
              id: run.headSha,
              tree_id: repo.treeShaOf(run.headSha),
              message: run.title,
              timestamp: run.createdAt,
              author: { name: "Dev", email: "dev@example.com" },
              committer: { name: "Dev", email: "dev@example.com" },
            },
            repository,
            head_repository: repository,
          })),
        },
      };
    });
    // Reading Dependabot alerts needs a permission the default tokens lack: refused, as GitHub does.
    route("GET", `${repoPath}/dependabot/alerts`, () => ({
      status: 403,
      body: {
        message: "Resource not accessible by integration",
        documentation_url: "https://docs.github.com/rest/dependabot/alerts",
      },
    }));
    route("GET", `${repoPath}/git/matching-refs/(.+)`, (match, request) => {
      const repo = this.repo(match);
      if (!repo) return notFound();
      const prefix = decodeURIComponent(match[3]!);
      const refs = [...repo.branches]
        .map(([branch, sha]) => [`refs/heads/${branch}`, sha] as const)
        .filter(([ref]) => ref.slice("refs/".length).startsWith(prefix))
        .sort(([a], [b]) => a.localeCompare(b));
      const reply = this.page(refs, request);
      const { repoApi } = this.urls(repo);
      return { ...reply, body: (reply.body as typeof refs).map(([ref, sha]) => gitRefBody(ref, sha, repoApi)) };
    });
    route("POST", `${repoPath}/git/refs`, (match, request) => {
      const repo = this.repo(match);
      if (!repo) return notFound();
      const ref = String(request.body.ref ?? "");
      const sha = String(request.body.sha ?? "");
      if (!/^refs\/heads\/.+/.test(ref)) return invalid("ref must start with refs/heads/");
      if (!repo.commits.has(sha)) return invalid("Object does not exist");
      const branch = ref.slice("refs/heads/".length);
      if (repo.branches.has(branch)) return invalid("Reference already exists");
      repo.moveBranch(branch, sha);
      return { status: 201, body: gitRefBody(ref, sha, this.urls(repo).repoApi) };
    });
    route("GET", `${repoPath}/git/commits/([0-9a-f]{40})`, (match) => {
      const repo = this.repo(match);
      const commit = repo?.commits.get(match[3]!);
      if (!repo || !commit) return notFound();
      return { status: 200, body: this.gitCommitBody(repo, commit.sha) };
    });
    route("POST", `${repoPath}/git/trees`, (match, request) => {
      const repo = this.repo(match);
      if (!repo) return notFound();
      if (this.readOnlyTokens.has(request.token ?? ""))
        return {
          status: 403,
          body: {
            message: "Resource not accessible by integration",
            documentation_url: "https://docs.github.com/rest/git/trees#create-a-tree",
          },
        };
      const entries =
        (request.body.tree as { path: string; content?: string; sha?: string | null }[] | undefined) ?? [];
      const sha = repo.createTree(request.body.base_tree as string | undefined, entries);
      if (!sha) return invalid("base_tree is not a valid tree");
      const { repoApi } = this.urls(repo);
      // GitHub answers with the new tree's top level.
      return {
        status: 201,
        body: {
          sha,
          url: `${repoApi}/git/trees/${sha}`,
          truncated: false,
          tree: repo.listTree(sha, false)!.entries.map((entry) => ({
            ...entry,
            url: `${repoApi}/git/${entry.type === "blob" ? "blobs" : "trees"}/${entry.sha}`,
          })),
        },
      };
    });
    route("POST", `${repoPath}/git/commits`, (match, request) => {
      const repo = this.repo(match);
      if (!repo) return notFound();
      const author = request.body.author as CommitAuthor | undefined;
      const sha = repo.createCommitObject(
        String(request.body.tree ?? ""),
        (request.body.parents as string[] | undefined) ?? [],
        String(request.body.message ?? ""),
        ...(author?.name && author.email ? [{ name: author.name, email: author.email }] : []),
      );
      if (!sha) return invalid("tree or parents do not exist");
      return { status: 201, body: this.gitCommitBody(repo, sha) };
    });
    route("PATCH", `${repoPath}/git/refs/(.+)`, (match, request) => {
      const repo = this.repo(match);
      const name = decodeURIComponent(match[3]!);
      const branch = name.replace(/^heads\//, "");
      const current = repo?.branches.get(branch);
      const sha = String(request.body.sha ?? "");
      if (!repo || !current) return notFound();
      if (!repo.commits.has(sha)) return invalid("Object does not exist");
      // Without force, only a fast-forward is accepted: a ref that moved since it was read is refused.
      let ancestor: string | undefined = sha;
      while (ancestor && ancestor !== current) ancestor = repo.commits.get(ancestor)?.parents[0];
      if (!request.body.force && ancestor !== current)
        return {
          status: 422,
          body: {
            message: "Update is not a fast forward",
            documentation_url: "https://docs.github.com/rest/git/refs#update-a-reference",
          },
        };
      repo.moveBranch(branch, sha);
      return { status: 200, body: gitRefBody(`refs/heads/${branch}`, sha, this.urls(repo).repoApi) };
    });
  }
}
