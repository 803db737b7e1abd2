import type { Config } from "../schemas/config.js";

/** How long a repository's config is trusted without a push saying it changed. */
const ttlMs = 10 * 60_000;

/**
 * Each repository's resolved config, kept for events that fire on every issue and comment: an
 * issue event must cost no request unless the issue is an incident, and which label makes one
 * is in the config. A push that touches a config file drops the entries it may change (the
 * repository's own, or every repository of the owner for the organisation's `.github`); entries
 * also expire, so a change missed (another App instance took the push) lasts minutes at most.
 */
export class ConfigCache {
  private readonly entries = new Map<string, { config: Config; until: number }>();

  constructor(private readonly clock: () => number = Date.now) {}

  async get(repository: string, load: () => Promise<Config>): Promise<Config> {
    const key = repository.toLowerCase();
    const entry = this.entries.get(key);
    if (entry && entry.until > this.clock()) return entry.config;
    const config = await load();
    this.entries.set(key, { config, until: this.clock() + ttlMs });
    return config;
  }

  /** A push to `repository` changed its config file (`.github` repository: the organisation default). */
  forget(repository: string): void {
    forgetConfigChange(this.entries, repository);
  }
}

/**
 * Drops what a config change may invalidate from a map keyed by lower-case `owner/name`: the
 * repository's own entry, or every repository of the owner when the change is to the
 * organisation default (its `.github` repository).
 */
export function forgetConfigChange(entries: Map<string, unknown>, repository: string): void {
  const key = repository.toLowerCase();
  const [owner, name] = key.split("/");
  if (name === ".github") {
    for (const known of [...entries.keys()]) if (known.startsWith(`${owner}/`)) entries.delete(known);
  } else entries.delete(key);
}
