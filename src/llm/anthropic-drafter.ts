import * as z from "zod";
import { dataIsNotInstructions, renderDataBlocks } from "./data-blocks.js";
import type { DraftOutcome, DraftRequest, Drafter, TokenUsage } from "./drafter.js";

/** The `ai.*` settings a drafter needs. */
export interface AnthropicSettings {
  model: string;
  maxInputChars: number;
  maxOutputTokens: number;
  /** One request's timeout; one retry at most, so a draft ends within about twice this. */
  timeoutSeconds: number;
}

/** A retry waits at most this long: a `retry-after` of an hour means "not in this run". */
const maxRetryWaitMs = 10_000;

/**
 * The drafter over Anthropic's Messages API (`@anthropic-ai/sdk`, loaded only when a draft is
 * asked for). The SDK reads `ANTHROPIC_API_KEY` and `ANTHROPIC_BASE_URL` (gateways, proxies,
 * the tests' loopback server). Its defaults (ten minutes, two retries, and sleeping through any
 * `retry-after`) would hold a webhook or a CI job for half an hour: here the SDK never retries,
 * one request waits `timeoutSeconds`, and one retry follows only a 429, 529, 5xx or timeout
 * whose `retry-after` is at most 10 s. Its own logging is off: it could print the material.
 * Reasons are fixed sentences, never text from the answer: they are shown in comments.
 */
export function anthropicDrafter(settings: AnthropicSettings, log: { info(message: string): void }): Drafter {
  return {
    async draft<T>(request: DraftRequest<T>): Promise<DraftOutcome<T>> {
      const { text: data, cut } = renderDataBlocks(request.data, settings.maxInputChars);
      const body = {
        model: settings.model,
        max_tokens: settings.maxOutputTokens,
        system: `${request.instructions}\n\n${dataIsNotInstructions}`,
        messages: [
          {
            role: "user" as const,
            content: `${data}${cut ? "\n\n(Some material was cut to fit; say so where it matters.)" : ""}\n\nCall ${request.tool.name} with the draft.`,
          },
        ],
        tools: [
          {
            name: request.tool.name,
            description: request.tool.description,
            input_schema: z.toJSONSchema(request.tool.schema, { io: "input" }) as never,
          },
        ],
        tool_choice: { type: "tool" as const, name: request.tool.name },
      };
      let usage: TokenUsage | undefined;
      try {
        const { default: Anthropic } = await import("@anthropic-ai/sdk");
        const client = new Anthropic({ timeout: settings.timeoutSeconds * 1000, maxRetries: 0, logLevel: "off" });
        const send = () =>
          client.messages.create(body, { signal: AbortSignal.timeout(settings.timeoutSeconds * 1000) });
        const message = await send().catch(async (error: unknown) => {
          const wait = retryWait(error);
          if (wait === undefined) throw error;
          await new Promise((resolve) => setTimeout(resolve, wait));
          return send();
        });
        usage = { inputTokens: message.usage.input_tokens, outputTokens: message.usage.output_tokens };
        log.info(
          `AI draft (${request.purpose}): ${usage.inputTokens} input and ${usage.outputTokens} output tokens, ${message.model}`,
        );
        if (message.stop_reason === "refusal") return { ok: false, reason: "the model declined", usage };
        const call = message.content.find((block) => block.type === "tool_use" && block.name === request.tool.name);
        if (!call || call.type !== "tool_use")
          return { ok: false, reason: `the model did not call ${request.tool.name}`, usage };
        const parsed = request.tool.schema.safeParse(call.input);
        if (!parsed.success) return { ok: false, reason: "the model's answer did not fit the draft's shape", usage };
        return { ok: true, value: parsed.data, usage, model: message.model };
      } catch (error) {
        // Only what went wrong, never the request: it holds the material and the SDK's headers.
        return { ok: false, reason: failureReason(error), ...(usage ? { usage } : {}) };
      }
    },
  };
}

/** How long to wait before the one retry, or undefined when the failure is not worth one in this run. */
function retryWait(error: unknown): number | undefined {
  const status = (error as { status?: unknown }).status;
  const timedOut = isTimeout(error);
  if (!timedOut && !(status === 429 || (typeof status === "number" && status >= 500))) return undefined;
  const headers = (error as { headers?: { get?: (name: string) => string | null } }).headers;
  const said = Number(headers?.get?.("retry-after") ?? Number.NaN);
  const wait = Number.isFinite(said) ? said * 1000 : 1_000;
  return wait <= maxRetryWaitMs ? wait : undefined;
}

const isTimeout = (error: unknown) =>
  ["APIConnectionTimeoutError", "TimeoutError", "APIUserAbortError", "AbortError"].includes((error as Error).name);

function failureReason(error: unknown): string {
  const status = (error as { status?: unknown }).status;
  if (status === 429) return "rate limited by the model provider (429)";
  if (status === 529) return "the model provider is overloaded (529)";
  if (typeof status === "number") return `the model provider answered ${status}`;
  if (isTimeout(error)) return "no answer in time";
  return "the model could not be reached";
}
