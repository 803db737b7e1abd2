import type { CommitAuthor } from "../discover.js";
import { isBot } from "./bots.js";
import { parseMailmap } from "./mailmap.js";

/** `12345+alice@users.noreply.github.com` and `alice@users.noreply.github.com` -> alice. */
const noreplyLogin = (email: string) =>
  /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/i.exec(email.trim())?.[1]?.toLowerCase();

export interface Headcount {
  people: number;
  bots: number;
}

/**
 * Distinct people among commit authors. Bots are left out. Identities are first mapped
 * through the repository's .mailmap, then merged when they share any of: the GitHub login
 * (given, or read from a `users.noreply.github.com` address), the email (case-insensitive), or
 * the name (case- and space-insensitive). One person commits from a laptop and a work machine
 * under two emails, or from the web UI under a noreply address: counting each as a person
 * would inflate the team. Two namesakes in one team would count as one; that is rarer.
 */
export function countPeople(commits: readonly CommitAuthor[], mailmapText?: string): Headcount {
  const mailmap = parseMailmap(mailmapText);
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root)!;
    // Path compression: later lookups are direct.
    for (let node = key; node !== root;) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  const botIdentities = new Set<string>();
  // A team's thousand commits come from a few dozen identities: each is looked at once.
  const seen = new Set<string>();
  for (const commit of commits) {
    const identity = JSON.stringify([commit.name, commit.email, commit.login]);
    if (seen.has(identity)) continue;
    seen.add(identity);
    const canonical = mailmap.canonical({ name: commit.name, email: commit.email });
    if (isBot(commit) || isBot({ ...canonical, ...(commit.login ? { login: commit.login } : {}) })) {
      botIdentities.add((commit.login ?? canonical.email ?? canonical.name).toLowerCase());
      continue;
    }
    const keys: string[] = [];
    const email = canonical.email.trim().toLowerCase();
    const name = canonical.name.trim().replace(/\s+/g, " ").toLowerCase();
    const login = commit.login?.toLowerCase() ?? noreplyLogin(email);
    if (login) keys.push(`login:${login}`);
    if (email) keys.push(`email:${email}`);
    if (name) keys.push(`name:${name}`);
    if (keys.length === 0) continue;
    for (const key of keys) if (!parent.has(key)) parent.set(key, key);
    for (const key of keys.slice(1)) union(keys[0]!, key);
  }
  const people = new Set([...parent.keys()].map(find));
  return { people: people.size, bots: botIdentities.size };
}
