import { createHash } from "node:crypto";

/**
 * What counts as ours: the one rule for every issue and comment the bot writes once and edits
 * later (a debt issue, the ADR suggestion, an incident's live comment, and any later kind).
 *
 * A body is ours when all of these hold:
 * 1. its FIRST line is our marker, `<!-- cto-copilot:NAME --><!-- fingerprint:HEX -->`, where we write it
 *    (a marker quoted further down, or inside someone's text, is not ours);
 * 2. its author is our identity: the App's own `<slug>[bot]` login when we know it; otherwise
 *    (the Action, where every workflow of the repository posts as `github-actions[bot]`) a bot;
 * 3. where that identity is shared (`exclusive: false`), the body is what we wrote: the
 *    fingerprint in the marker is the hash of the text below it, so a bot that reposts or quotes
 *    other text, or a person's later edit, does not pass.
 *
 * NAME is what the marker ties the body to (`adr`, `incident`, `debt:<item id>`): ids are
 * percent-encoded (`markerId`), so no id can end the HTML comment or put text after it.
 */

/** Who the bot is where it runs. */
export interface SelfIdentity {
  /** The login the bot writes as, when known (the App: `<slug>[bot]`); unknown: any bot account. */
  login?: string;
  /** Only this bot writes as `login` (the App's own account): the marker and the author suffice. */
  exclusive: boolean;
}

/** The Action's GITHUB_TOKEN, a person's token: any bot may be us, so what we wrote must match its fingerprint. */
export const sharedIdentity: SelfIdentity = { exclusive: false };

/** An issue or comment as the ownership check reads it. */
export interface Authored {
  body: string | null;
  /** Absent when the source does not say (then nothing is ours). */
  author?: { login: string; isBot: boolean };
}

const markerLine = /^<!-- cto-copilot:([A-Za-z0-9._~!*'()%:-]+) -->(?:<!-- fingerprint:([0-9a-f]{16}) -->)?$/;

/** The first 16 hex digits of the SHA-256 of the text below the marker line. */
const fingerprint = (content: string): string =>
  createHash("sha256").update(content, "utf8").digest("hex").slice(0, 16);

/** An id made safe for a marker: percent-encoded, so `-->`, `--!>`, `<` and newlines cannot appear. */
export function markerId(id: string): string {
  return encodeURIComponent(id).replace(/[!'()*~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The id a marker holds (the inverse of `markerId`); undefined when it is not a valid encoding. */
export function idOfMarker(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

/** The body as we write it: the marker with the fingerprint of `content` on the first line, then `content`. */
export function ownedBody(name: string, content: string): string {
  if (!markerLine.test(`<!-- cto-copilot:${name} -->`)) throw new Error(`not a marker name: ${JSON.stringify(name)}`);
  return `<!-- cto-copilot:${name} --><!-- fingerprint:${fingerprint(content)} -->\n${content}`;
}

/** A body's parts when its first line is a marker of ours (whoever wrote it). */
export function readMarker(body: string | null): { name: string; fingerprint?: string; content: string } | undefined {
  if (!body) return undefined;
  const newline = body.indexOf("\n");
  const first = (newline < 0 ? body : body.slice(0, newline)).replace(/\r$/, "");
  const match = markerLine.exec(first);
  if (!match) return undefined;
  return {
    name: match[1]!,
    ...(match[2] ? { fingerprint: match[2] } : {}),
    content: newline < 0 ? "" : body.slice(newline + 1),
  };
}

/** The text below our marker, to write again under a new one (e.g. with a line added). */
export const contentOf = (body: string | null): string => readMarker(body)?.content ?? body ?? "";

/**
 * The marker name of a body that is ours by the rule above, else undefined. `self` says who we
 * are where this runs.
 */
export function ownMarker(record: Authored, self: SelfIdentity): string | undefined {
  const marker = readMarker(record.body);
  if (!marker || !record.author) return undefined;
  const { login, isBot } = record.author;
  if (self.login !== undefined ? login.toLowerCase() !== self.login.toLowerCase() : !isBot) return undefined;
  if (!self.exclusive && marker.fingerprint !== fingerprint(marker.content)) return undefined;
  return marker.name;
}

/** Whether a body is ours and carries the marker `name`. */
export const isOurs = (record: Authored, name: string, self: SelfIdentity): boolean => ownMarker(record, self) === name;
