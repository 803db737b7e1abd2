import { anthropicDrafter } from "../llm/anthropic-drafter.js";
import type { Drafter } from "../llm/drafter.js";
import type { Logger } from "../ports/logger.js";
import type { Config } from "../schemas/config.js";

/** Builds the drafter a run may use, from the config and the environment; undefined means "deterministic drafts". */
export type DrafterFactory = (ai: Config["ai"]) => Drafter | undefined;

let warned = false;

/**
 * AI drafting is on only when the config says `ai.enabled: true` AND the environment has
 * `ANTHROPIC_API_KEY`: a key alone sends nothing, and `ai.enabled` without a key says so once
 * and drafts deterministically. The key is read by the SDK itself and never logged.
 *
 * The App's key serves every installation, whose own config turns AI on: there it drafts only
 * for the owners the operator lists in `CTO_COPILOT_AI_OWNERS` (comma-separated, or `*`).
 */
export function drafterFromEnvironment(env: NodeJS.ProcessEnv, log: Logger, app?: { owner: string }): DrafterFactory {
  const warnOnce = (message: string) => {
    if (!warned) log.warn(message);
    warned = true;
  };
  return (ai) => {
    if (!ai.enabled) return undefined;
    if (!env.ANTHROPIC_API_KEY) {
      warnOnce("ai.enabled is true but ANTHROPIC_API_KEY is not set: drafts are the deterministic ones");
      return undefined;
    }
    if (app) {
      const owners = (env.CTO_COPILOT_AI_OWNERS ?? "").split(",").map((owner) => owner.trim().toLowerCase());
      if (!owners.includes("*") && !owners.includes(app.owner.toLowerCase())) {
        warnOnce(
          `ai.enabled in ${app.owner}'s config, but CTO_COPILOT_AI_OWNERS does not list it: deterministic drafts`,
        );
        return undefined;
      }
    }
    return anthropicDrafter(ai, log);
  };
}
