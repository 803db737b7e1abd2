import { adrDraftRequest } from "../../src/llm/drafts/adr.js";

/** The ADR draft request of a pull request moving sessions to Redis: the material every drafter test sends. */
export const sessionsDraftRequest = (body = "We move sessions from Postgres to Redis to cut p99 latency.") =>
  adrDraftRequest({
    title: "Move sessions to Redis",
    body,
    changes: [
      {
        file: "infra/redis.tf",
        category: "infrastructure-as-code",
        reason: "adds aws_elasticache_cluster",
        technologies: ["redis"],
      },
    ],
    related: [],
  });

/** A well-formed answer of the model to that request. */
export const sessionsDraftAnswer = {
  context: "Session reads dominate p99 latency on Postgres.",
  options: [
    { option: "Redis (ElastiCache)", pros: "Fast reads", cons: "One more store to run", effort: "M" },
    { option: "Do nothing", pros: "No migration", cons: "Latency stays", effort: "—" },
  ],
  decision: "Move sessions to Redis.",
  consequences: {
    easier: "Faster logins",
    harder: "Cache invalidation",
    tradeOffs: "Eventual expiry",
    operational: "Monitor memory",
  },
};
