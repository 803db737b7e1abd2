/**
 * Write permissions the App has read, for a minute: an incident thread is re-read on every
 * event, and each event would otherwise ask again for every author of a command. A minute is
 * how long a revoked permission may still count; a granted one counts at once (a "no" is kept
 * for as long, so a stranger's flood of comments costs one check per minute).
 */
const ttlMs = 60_000;
const maxEntries = 10_000;
const known = new Map<string, { at: number; answer: Promise<boolean> }>();

/** `canWrite` remembered per installation, repository and login. */
export function cachedCanWrite(
  scope: string,
  canWrite: (login: string) => Promise<boolean>,
): (login: string) => Promise<boolean> {
  return (login) => {
    const key = `${scope}:${login.toLowerCase()}`;
    const now = Date.now();
    const entry = known.get(key);
    if (entry && now - entry.at < ttlMs) return entry.answer;
    if (known.size >= maxEntries) known.clear();
    const answer = canWrite(login);
    known.set(key, { at: now, answer });
    answer.catch(() => known.delete(key));
    return answer;
  };
}
