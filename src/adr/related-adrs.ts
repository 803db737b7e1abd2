import { categoryKeywords } from "./categories.js";
import type { InfraChange } from "./detect-infra-changes.js";
import type { AdrSummary } from "./read-adr.js";

export interface RelatedAdr {
  path: string;
  title: string;
  date?: string;
  /** The words the ADR shares with the change, e.g. "postgresql, database". */
  why: string[];
}

/** What a technology named in a change is usually called in prose. */
const technologyWords: [RegExp, string[]][] = [
  [/^(aws_db_|aws_rds_)/, ["rds", "database", "postgres", "postgresql", "mysql", "aurora"]],
  [/^aws_elasticache/, ["redis", "elasticache", "memcached", "cache"]],
  [/^aws_s3/, ["s3", "object storage"]],
  [/^aws_sqs|^aws_sns/, ["sqs", "sns", "queue", "messaging"]],
  [/^aws_lambda/, ["lambda", "serverless"]],
  [/^aws_ecs/, ["ecs", "fargate", "containers"]],
  [/^aws_eks|^google_container|^azurerm_kubernetes/, ["kubernetes", "k8s", "eks", "gke", "aks"]],
  [/^google_sql|^azurerm_(postgresql|mysql)/, ["cloud sql", "database", "postgres", "postgresql", "mysql"]],
  [/^(postgres|pg|psycopg|prisma|typeorm|sequelize|knex|drizzle)/, ["postgres", "postgresql", "database", "orm"]],
  [/^(redis|ioredis)/, ["redis", "cache"]],
  [/^(kafka|kafkajs)/, ["kafka", "messaging"]],
];

function wordsFor(change: InfraChange): Set<string> {
  const words = new Set<string>(categoryKeywords[change.category]);
  for (const technology of change.technologies) {
    const lower = technology.toLowerCase();
    if (lower.length >= 3) words.add(lower);
    for (const [pattern, extra] of technologyWords) if (pattern.test(lower)) extra.forEach((word) => words.add(word));
  }
  return words;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The accepted ADRs that concern the same area as the change: they share its category's
 * vocabulary or name the technologies it touches. Title matches weigh more than body matches.
 */
export function findRelatedAdrs(adrs: readonly AdrSummary[], changes: readonly InfraChange[], limit = 5): RelatedAdr[] {
  const words = new Set(changes.flatMap((change) => [...wordsFor(change)]));
  const scored: (RelatedAdr & { score: number })[] = [];
  for (const adr of adrs) {
    if (adr.status !== "accepted") continue;
    const title = adr.title.toLowerCase();
    let score = 0;
    const why: string[] = [];
    for (const word of words) {
      const pattern = new RegExp(`(^|[^a-z0-9])${escapeRegExp(word)}([^a-z0-9]|$)`);
      const inTitle = pattern.test(title);
      if (inTitle || pattern.test(adr.text)) {
        score += inTitle ? 3 : 1;
        why.push(word);
      }
    }
    if (score > 0)
      scored.push({ path: adr.path, title: adr.title, ...(adr.date ? { date: adr.date } : {}), why, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.path.localeCompare(b.path))
    .slice(0, limit)
    .map(({ score: _score, ...related }) => related);
}

/** Superseded ADRs whose successor link points at a file that is not in the directory. */
export function brokenSupersedeLinks(adrs: readonly AdrSummary[]): string[] {
  const names = new Set(adrs.map((adr) => adr.path.split("/").pop()!));
  return adrs.flatMap((adr) =>
    adr.supersededBy
      .filter((target) => !names.has(target))
      .map((target) => `${adr.path} is superseded by ${target}, which does not exist`),
  );
}
