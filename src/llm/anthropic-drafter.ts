import { z } from "zod";
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

/**
 * The drafter over Anthropic's Messages API (`@anthropic-ai/sdk`, loaded only when a draft is
 * asked for). The SDK reads `ANTHROPIC_API_KEY` and `ANTHROPIC_BASE_URL` (gateways, proxies,
 * the tests' loopback server). Its defaults (ten minutes, two retries) would hold a webhook
 * or a CI job for half an hour: here one request waits `timeoutSeconds`, is retried once, and
 * the whole draft is abandoned at twice the timeout plus a little, whatever the server does.
 */
export function anthropicDrafter(settings: AnthropicSettings, log: { info(message: string): void }): Drafter {
  return {
    async draft<T>(request: DraftRequest<T>): Promise<DraftOutcome<T>> {
      const { default: Anthropic } = await import("@anthropic-ai/sdk");
      const client = new Anthropic({ timeout: settings.timeoutSeconds * 1000, maxRetries: 1 });
      const { text: data, cut } = renderDataBlocks(request.data, settings.maxInputChars);
      const deadline = AbortSignal.timeout((settings.timeoutSeconds * 2 + 5) * 1000);
      let usage: TokenUsage | undefined;
      try {
        const message = await client.messages.create(
          {
            model: settings.model,
            max_tokens: settings.maxOutputTokens,
            system: `${request.instructions}\n\n${dataIsNotInstructions}`,
            messages: [
              {
                role: "user",
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
            tool_choice: { type: "tool", name: request.tool.name },
          },
          { signal: deadline },
        );
        usage = { inputTokens: message.usage.input_tokens, outputTokens: message.usage.output_tokens };
        log.info(
          `AI draft (${request.purpose}): ${usage.inputTokens} input and ${usage.outputTokens} output tokens, ${message.model}`,
        );
        if (message.stop_reason === "refusal") return { ok: false, reason: "the model declined", usage };
        const call = message.content.find((block) => block.type === "tool_use" && block.name === request.tool.name);
        if (!call || call.type !== "tool_use")
          return { ok: false, reason: `the model did not call ${request.tool.name} (${message.stop_reason})`, usage };
        const parsed = request.tool.schema.safeParse(call.input);
        if (!parsed.success)
          return { ok: false, reason: `the model's answer did not fit: ${parsed.error.issues[0]?.message}`, usage };
        return { ok: true, value: parsed.data, usage, model: message.model };
      } catch (error) {
        // Only what went wrong, never the request: it holds the material and the SDK's headers.
        return { ok: false, reason: failureReason(error), ...(usage ? { usage } : {}) };
      }
    },
  };
}

function failureReason(error: unknown): string {
  const status = (error as { status?: unknown }).status;
  const name = (error as Error).name;
  if (status === 429) return "rate limited by the model provider (429)";
  if (status === 529) return "the model provider is overloaded (529)";
  if (typeof status === "number") return `the model provider answered ${status}`;
  if (
    name === "APIConnectionTimeoutError" ||
    name === "TimeoutError" ||
    name === "APIUserAbortError" ||
    name === "AbortError"
  )
    return "no answer in time";
  return `the model could not be reached (${name})`;
}
