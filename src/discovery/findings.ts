/**
 * What the detectors report, before it becomes tech_stack.json: each finding is one value for
 * one topic, the file it came from, why, and how much it weighs when values compete.
 */

export type Topic =
  | "frontend.framework"
  | "frontend.hosting"
  | "backend.language"
  | "backend.framework"
  | "backend.hosting"
  | "backend.jobs"
  | "repository.workspaces"
  | "database"
  | "database.provider"
  | "cloud"
  /** A cloud's SDK among the dependencies: the cloud when nothing stronger names one. */
  | "cloud.sdk"
  | "cloud.service"
  | "iac"
  | "cicd"
  | "monitoring"
  | "logging"
  | "alerting";

export interface Finding {
  topic: Topic;
  value: string;
  /** The file that says so (root-relative), or the name of a non-file source. */
  source: string;
  reason: string;
  /**
   * How much the finding counts when values compete (which database is the primary one, which
   * language comes first): 3 for a file that names the thing outright (a Prisma datasource,
   * a Terraform resource, a hosting config), 2 for a dependency, 1 for a hint (a Compose
   * image for local development, a Dockerfile).
   */
  weight: number;
  /** For a database provider: the database it runs (`AWS RDS` runs `PostgreSQL`). */
  database?: string;
}

/** One value of a topic with its total weight and its strongest finding, which becomes its evidence. */
export interface RankedValue {
  value: string;
  weight: number;
  evidence: Finding;
  /** Other files saying the same. */
  others: number;
}

interface Tally extends RankedValue {
  sources: Set<string>;
}

const alphabetical = (a: string, b: string) => {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

/** Findings grouped by topic and value. */
export class Findings {
  private readonly byTopic = new Map<Topic, Map<string, Tally>>();

  add(finding: Finding): void {
    let values = this.byTopic.get(finding.topic);
    if (!values) this.byTopic.set(finding.topic, (values = new Map()));
    // A provider is one value per database it runs ("Self-hosted in the cluster" for PostgreSQL and for Redis).
    const key = finding.database === undefined ? finding.value : `${finding.value}\u0000${finding.database}`;
    const known = values.get(key);
    if (!known) {
      const sources = new Set([finding.source]);
      values.set(key, { value: finding.value, weight: finding.weight, evidence: finding, others: 0, sources });
      return;
    }
    known.weight += finding.weight;
    // Findings arrive closest to the root first: the first of the strongest kind stays the evidence.
    if (finding.weight > known.evidence.weight) known.evidence = finding;
    known.sources.add(finding.source);
    known.others = known.sources.size - 1;
  }

  /** The values of a topic, heaviest first; equal weights in alphabetical order (case aside), so the result never depends on file order. */
  ranked(topic: Topic): RankedValue[] {
    return [...(this.byTopic.get(topic)?.values() ?? [])]
      .map(({ sources: _sources, ...ranked }) => ranked)
      .sort((a, b) => b.weight - a.weight || alphabetical(a.value, b.value));
  }
}
