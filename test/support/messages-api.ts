import { afterAll, beforeAll } from "@jest/globals";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** How the next answer behaves. */
export type Behaviour =
  | { kind: "tool"; input: unknown }
  | { kind: "text"; text: string }
  | { kind: "refusal" }
  | { kind: "status"; status: number; headers?: Record<string, string>; type?: string }
  | { kind: "hang" };

export interface RecordedMessage {
  headers: Record<string, string | string[] | undefined>;
  body: {
    model: string;
    max_tokens: number;
    system?: string;
    messages: { role: string; content: string }[];
    tools?: { name: string; input_schema: unknown }[];
    tool_choice?: unknown;
  };
  bytes: number;
}

/**
 * A loopback server speaking the part of Anthropic's Messages API the drafts use (POST
 * /v1/messages, tool use), for the real SDK pointed at it through ANTHROPIC_BASE_URL. Answers
 * follow a script: a tool call, text, a refusal, an error status (with retry-after), or never.
 */
export class MessagesApi {
  readonly requests: RecordedMessage[] = [];
  /** Requests left unanswered ("hang") that the client gave up on by closing the connection. */
  givenUp = 0;
  private script: Behaviour[] = [];
  private fallback: Behaviour = { kind: "status", status: 500 };
  private server?: Server;
  private readonly hanging = new Set<ServerResponse>();
  private stopping = false;

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** The next answers, in order; then `always` for every other one. */
  answer(...behaviours: Behaviour[]): this {
    this.script.push(...behaviours);
    return this;
  }

  always(behaviour: Behaviour): this {
    this.fallback = behaviour;
    return this;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const response of this.hanging) response.destroy();
    // close() alone waits for connections still busy with a request: the run is over, all of them go.
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    if (request.method !== "POST" || !request.url?.startsWith("/v1/messages")) {
      response.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ type: "error" }));
      return;
    }
    const body = JSON.parse(raw.toString("utf8")) as RecordedMessage["body"];
    this.requests.push({ headers: request.headers, body, bytes: raw.length });
    const behaviour = this.script.shift() ?? this.fallback;
    if (behaviour.kind === "hang") {
      this.hanging.add(response);
      response.on("close", () => {
        this.hanging.delete(response);
        if (!this.stopping) this.givenUp++;
      });
      return;
    }
    if (behaviour.kind === "status") {
      response.writeHead(behaviour.status, { "content-type": "application/json", ...behaviour.headers }).end(
        JSON.stringify({
          type: "error",
          error: {
            type: behaviour.type ?? (behaviour.status === 529 ? "overloaded_error" : "api_error"),
            message: "scripted",
          },
        }),
      );
      return;
    }
    // Tokens as the API counts them, roughly: four characters each.
    const inputTokens = Math.ceil(raw.length / 4);
    const tool = body.tools?.[0]?.name ?? "draft";
    const content =
      behaviour.kind === "tool"
        ? [{ type: "tool_use", id: "toolu_01", name: tool, input: behaviour.input }]
        : behaviour.kind === "text"
          ? [{ type: "text", text: behaviour.text }]
          : [];
    const outputTokens = Math.ceil(JSON.stringify(content).length / 4);
    response.writeHead(200, { "content-type": "application/json", "request-id": `req_${this.requests.length}` }).end(
      JSON.stringify({
        id: `msg_${this.requests.length}`,
        type: "message",
        role: "assistant",
        model: body.model,
        content,
        stop_reason: behaviour.kind === "refusal" ? "refusal" : behaviour.kind === "tool" ? "tool_use" : "end_turn",
        stop_sequence: null,
        usage: { input_tokens: inputTokens, output_tokens: outputTokens },
      }),
    );
  }
}

/**
 * Starts `api` before the file's tests and points the SDK at it through the environment, as a
 * user's CI job would (`ANTHROPIC_API_KEY`, `ANTHROPIC_BASE_URL`); stops it and puts the
 * environment back afterwards.
 */
export function serveToSdk(api: MessagesApi, key: string): void {
  const saved = { key: process.env.ANTHROPIC_API_KEY, url: process.env.ANTHROPIC_BASE_URL };
  beforeAll(async () => {
    await api.start();
    process.env.ANTHROPIC_API_KEY = key;
    process.env.ANTHROPIC_BASE_URL = api.url;
  });
  afterAll(async () => {
    await api.stop();
    for (const [name, value] of [
      ["ANTHROPIC_API_KEY", saved.key],
      ["ANTHROPIC_BASE_URL", saved.url],
    ] as const)
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  });
}
