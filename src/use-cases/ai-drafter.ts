import { anthropicDrafter } from "../llm/anthropic-drafter.js";
import type { Drafter } from "../llm/drafter.js";
import type { Logger } from "../ports/logger.js";
import type { Config } from "../schemas/config.js";

/** Builds the drafter a run may use, from the config and the environment; undefined means "deterministic drafts". */
export type DrafterFactory = (ai: Config["ai"]) => Drafter | undefined;

/**
 * AI drafting is on only when the config says `ai.enabled: true` AND the environment has
 * `ANTHROPIC_API_KEY`: a key alone sends nothing, and `ai.enabled` without a key says so once
 * and drafts deterministically. The key is read by the SDK itself and never logged.
 */
export function drafterFromEnvironment(env: NodeJS.ProcessEnv, log: Logger): DrafterFactory {
  let warned = false;
  return (ai) => {
    if (!ai.enabled) return undefined;
    if (!env.ANTHROPIC_API_KEY) {
      if (!warned) log.warn("ai.enabled is true but ANTHROPIC_API_KEY is not set: drafts are the deterministic ones");
      warned = true;
      return undefined;
    }
    return anthropicDrafter(ai, log);
  };
}
